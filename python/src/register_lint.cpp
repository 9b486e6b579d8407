// The linter (include/tocgraph/lint/): lint() and the rule catalogue, as
// tuples that tocgraph/lint.py turns into Finding and Rule values.
#include "pybind.hpp"

#include <tocgraph/lint.hpp>

namespace tocgraph::python {

namespace {

Severity severity_from(const std::string& name) {
    if (auto s = parse_severity(name)) return *s;
    throw py::value_error("unknown severity \"" + name + "\"; expected \"info\", \"warning\" or \"error\"");
}

py::str text(std::string_view s) { return py::str(s.data(), s.size()); }

}  // namespace

void register_lint(py::module_& m) {
    m.def(
        "lint",
        [](const TheoryOfChange& toc, std::vector<std::string> select, std::vector<std::string> ignore,
           const std::map<std::string, std::string>& severity, const std::string& min_severity) {
            LintOptions options;
            options.select = std::move(select);
            options.ignore = std::move(ignore);
            for (const auto& [rule, name] : severity) options.severity[rule] = severity_from(name);
            options.min_severity = severity_from(min_severity);
            std::vector<Finding> findings;
            {
                py::gil_scoped_release release;
                findings = tocgraph::lint(toc, options);
            }
            py::list out;
            for (const Finding& f : findings) {
                const RuleInfo* rule = find_rule(f.code);
                out.append(py::make_tuple(f.code, rule ? text(rule->name) : text(""), text(to_string(f.severity)),
                                          f.message, f.hint, f.ids));
            }
            return out;
        },
        py::arg("toc"), py::arg("select"), py::arg("ignore"), py::arg("severity"), py::arg("min_severity"));
    m.def("rule_catalogue", [] {
        py::list out;
        for (const RuleInfo& r : rule_catalogue)
            out.append(py::make_tuple(text(r.code), text(r.name), text(to_string(r.severity)),
                                      text(to_string(r.category)), text(r.summary), text(r.hint)));
        return out;
    });
}

}  // namespace tocgraph::python
