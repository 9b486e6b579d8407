// tocgraph._core.lint: the linter (include/tocgraph/lint/): its options, the
// findings it returns (also what the importers of other formats report) and
// the rule catalogue.
#include "bind/bind.hpp"

#include <tocgraph/lint.hpp>

namespace tocgraph::python {

namespace {

/// select / ignore: rule codes, code prefixes or names; one str is one rule.
FieldSpec<LintOptions> patterns(const char* name, std::vector<std::string> LintOptions::*m, const char* doc) {
    const std::string field = name;
    return {name, doc, [m](const LintOptions& o) { return py::cast(o.*m); },
            [m, field](LintOptions& o, py::handle v) {
                if (v.is_none()) return (o.*m).clear();
                if (PyUnicode_Check(v.ptr())) return void(o.*m = {v.cast<std::string>()});
                std::vector<std::string> out;
                for (py::handle item : py::iter(v)) {
                    if (!PyUnicode_Check(item.ptr()))
                        throw py::type_error(field + " takes rule codes or names (str), got " + type_name(item));
                    out.push_back(item.cast<std::string>());
                }
                o.*m = std::move(out);
            }};
}

/// A field of a catalogue entry: set by its code, which picks the entry.
template <typename M>
FieldSpec<RuleInfo> catalogue_field(const char* name, M RuleInfo::*m, const char* doc) {
    const std::string field = name;
    return {name, doc, [m](const RuleInfo& r) { return py::cast(r.*m); },
            [m, field](RuleInfo& r, py::handle v) {
                if (field == "code") {
                    const RuleInfo* rule = find_rule(v.cast<std::string>());
                    if (!rule || rule->code != v.cast<std::string>())
                        throw py::value_error("no lint rule \"" + v.cast<std::string>() + "\"");
                    r = *rule;
                } else if (!py::cast(r.*m).equal(v)) {
                    throw py::value_error("the " + field + " of a rule comes from the catalogue; give its code only");
                }
            }};
}

}  // namespace

void register_lint(py::module_& m) {
    Struct<Finding>(m, "Finding",
                    "One problem the linter found, or something a reader of another format decided.",
                    Access::read_only)
        .field("code", &Finding::code, "The stable code, e.g. \"TOC201\" (lint) or \"IMP102\" (import).")
        .field("severity", &Finding::severity, "\"info\", \"warning\" or \"error\" (after any override).")
        .field("message", &Finding::message, "What is wrong, naming the ids.")
        .field("ids", &Finding::ids, "The nodes, links (\"a->b\"), indicators or assumptions it concerns.")
        .field("hint", &Finding::hint, "How to fix it.")
        .always_shown({"code"})
        .finish()
        .def_property_readonly(
            "name",
            [](const Finding& f) {
                const RuleInfo* rule = find_rule(f.code);
                return std::string(rule ? rule->name : "");
            },
            "The lint rule's kebab-case name, e.g. \"result-without-indicator\" (\"\" for other codes).")
        .def("__str__", [](const Finding& f) { return f.code + " " + std::string(to_string(f.severity)) + ": " + f.message; });

    Struct<RuleInfo>(m, "RuleInfo", "One rule of the linter's catalogue.", Access::read_only)
        .field(catalogue_field("code", &RuleInfo::code, "The stable rule code, e.g. \"TOC201\"."))
        .field(catalogue_field("name", &RuleInfo::name, "A kebab-case name, accepted wherever a code is."))
        .field(catalogue_field("severity", &RuleInfo::severity, "The default severity."))
        .field(catalogue_field("category", &RuleInfo::category, "\"structure\", \"measurement\" or \"plan\"."))
        .field(catalogue_field("summary", &RuleInfo::summary, "What the rule checks."))
        .field(catalogue_field("hint", &RuleInfo::hint, "How to fix what it finds."))
        .always_shown({"code"})
        .finish();

    Struct<LintOptions>(m, "LintOptions", "Which rules the linter runs and how it grades them.")
        .field(patterns("select", &LintOptions::select,
                        "Run only these rules (codes, code prefixes such as \"TOC2\", or names); empty: all."))
        .field(patterns("ignore", &LintOptions::ignore, "Skip these rules (same spellings)."))
        .field("severity", &LintOptions::severity,
               "A new severity per rule code or name, e.g. {\"same-level-link\": \"error\"}.")
        .field("min_severity", &LintOptions::min_severity, "Drop findings below this severity.")
        .field("downward_links", &LintOptions::downward_links,
               "\"allowed\", \"warning\" or \"error\" for links pointing down (TOC102); None: the rule's severity.")
        .field("same_level_links", &LintOptions::same_level_links,
               "The same for links within a level (TOC103).")
        .finish();

    def_query(m, "lint", &tocgraph::lint, py::arg("options"), "The findings, in rule-group and node order.");
    m.def("rule_catalogue", [] { return std::vector<RuleInfo>(rule_catalogue.begin(), rule_catalogue.end()); },
          "Every rule, in code order.");
}

}  // namespace tocgraph::python
