// Every command `tocgraph` knows, in the order its help lists them: name,
// help and options. What each does is run_<name> in command_<name>.cpp;
// the interface is declared here, in one place, so that the whole command
// line reads like its manual page and a new command is one entry more.
#include <algorithm>
#include <array>

#include "command.hpp"
#include "options.hpp"

namespace tocgraph::cli {

namespace {

const Command analyze{
    .name = "analyze",
    .summary = "Show what supports the goal: coverage, paths, critical and central results",
    .synopsis = "[--target ID] [--top N] [--format FORMAT] FILE",
    .description =
        "Analyses the theory of change in FILE (\"-\" for standard input) towards its\n"
        "goal, or towards the node given with --target (needed when the file has no goal\n"
        "or several). Prints the nodes of each level; coverage per level (nodes, nodes\n"
        "measured by an indicator, with contributors, with some activity beneath them)\n"
        "and how complete the indicators are; the exact number of paths from the\n"
        "activities to the target; the critical nodes and links, which every one of\n"
        "those paths goes through; and the results (pathways, outcomes, outputs) with\n"
        "the highest betweenness centrality.\n"
        "\n"
        "With --format json, one object: file, title, target, levels, coverage,\n"
        "activity_paths (a string of digits: the count can be larger than 2**64),\n"
        "cycle, critical_nodes, critical_links and central_results.\n"
        "\n"
        "Exits with 1 when the file cannot be loaded or a cycle below the target makes\n"
        "the paths uncountable (the rest is still printed and the cycle named).",
    .options = {{"target", 't', "ID", "analyse towards this node (default: the goal)"},
                {"top", 0, "N", "how many central results to list (default 5)"},
                {"format", 'f', "FORMAT", "text (default) or json"}},
    .run = run_analyze,
};

const Command check{
    .name = "check",
    .summary = "Load files and check the logic of their theories of change",
    .synopsis = "[options] FILE...",
    .description =
        "Loads each FILE (\"-\" for standard input) as docs/format.md describes and runs\n"
        "the linter, whose rules docs/rules.md describes. Each finding is printed as\n"
        "\"FILE: CODE severity: message [ids]\", then a summary line. A file that cannot\n"
        "be loaded is reported as \"FILE[:LINE:COLUMN]: /json/pointer: problem\" on\n"
        "standard error, and the other files are still checked.\n"
        "\n"
        "RULES are comma-separated codes (TOC104), code prefixes (TOC2) or names\n"
        "(goal-unreachable); the options may be repeated. A link policy is allowed,\n"
        "warning or error, for both kinds of link or as downward=POLICY,same-level=POLICY.\n"
        "\n"
        "Exits with 1 when a finding of severity error remains or a file cannot be\n"
        "loaded, 0 otherwise (warnings and info do not fail a check).",
    .options = {{"select", 0, "RULES", "run only these rules"},
                {"ignore", 0, "RULES", "skip these rules"},
                {"severity", 0, "RULE=LEVEL", "change a rule's severity (info, warning or error)"},
                {"min-severity", 0, "LEVEL", "report only findings of this severity or higher"},
                {"link-policy", 0, "POLICY", "links pointing down or joining one level: allowed, warning or error"},
                {"format", 'f', "FORMAT", "text (default) or json"}},
    .max_positional = static_cast<std::size_t>(-1),
    .run = run_check,
};

const Command convert{
    .name = "convert",
    .summary = "Convert a theory of change between file formats",
    .synopsis = "[options] IN OUT",
    .description =
        "Reads IN and writes OUT, each in the format its extension names:\n"
        "  .json (tocgraph; a Kumu blueprint is recognised when read), .kumu.json (Kumu),\n"
        "  .graphml (GraphML, write only), .dagitty or .dag (DAGitty, write only),\n"
        "  .csv (logframe table, docs/logframe.md).\n"
        "--from and --to name a format instead: json, kumu, graphml, dagitty, logframe-csv.\n"
        "What the reader decided is printed on standard error as findings\n"
        "(\"IN: warning IMP102: ...\"; codes in docs/interop.md). OUT is replaced\n"
        "atomically. Exits with 0 on success, 1 when IN cannot be read or OUT written\n"
        "(a DAGitty model of a ToC with a cycle, for example).",
    .options = {{"from", 'f', "FORMAT", "format of IN instead of its extension's"},
                {"to", 't', "FORMAT", "format of OUT instead of its extension's"},
                {"schema", 0, "SCHEMA", "level schema for Kumu and logframe input (built-in name)"},
                {"default-level", 0, "LEVEL", "level of Kumu elements whose level cannot be told"},
                {"type-level", 0, "TYPE=LEVEL", "level of a Kumu element type (repeatable)"},
                {"column", 0, "HEADER=ROLE", "what a logframe column holds (repeatable, docs/logframe.md)"}},
    .min_positional = 2,
    .max_positional = 2,
    .positional_name = "IN and OUT",
    .run = run_convert,
};

const Command diff{
    .name = "diff",
    .summary = "Show what changed between two versions of a theory of change",
    .synopsis = "[options] OLD NEW",
    .description =
        "Compares OLD and NEW (\"-\" for standard input) element by element: nodes,\n"
        "links (by source and target), indicators, assumptions, actors, feedback,\n"
        "metadata and schema, field by field, down to single targets and actuals.\n"
        "A node whose id changed but whose level, title and neighbours did not is\n"
        "shown as renamed (docs/versions.md gives the rule).\n"
        "The text format starts with counts per collection, like `git diff --stat`,\n"
        "then lists every change: + added, - removed, ~ changed, > renamed.\n"
        "Exits with 0 when the versions are the same, 1 when they differ, and 2 when\n"
        "a file cannot be read or the output written.",
    .options = {{"format", 'f', "FORMAT", "text (default), json, md (Markdown) or html (a self-contained page)"},
                {"output", 'o', "OUT", "write to OUT (replaced atomically) instead of standard output"},
                {"no-renames", 0, "", "report renamed nodes as removed and added"}},
    .min_positional = 2,
    .max_positional = 2,
    .positional_name = "OLD and NEW",
    .run = run_diff,
};

const Command export_iati{
    .name = "export-iati",
    .summary = "Write theories of change as IATI 2.03 activity XML",
    .synopsis = "FILE... -o OUT.xml",
    .description =
        "Writes one <iati-activity> per theory of change (tocgraph JSON, \"-\" for standard\n"
        "input): its identifier, reporting organisation, title, descriptions, status,\n"
        "dates and SDG tags, and a <result> per result node with its indicators,\n"
        "baselines, periods, targets and actuals (docs/iati.md). What import-iati kept\n"
        "(narratives in every language, document links, values as written) is written\n"
        "back, so importing the output gives the same theories of change. OUT is replaced\n"
        "atomically. Exits with 1 when an input cannot be read or OUT written.",
    .options = {{"output", 'o', "OUT.xml", "the IATI file to write (required)"}},
    .max_positional = 100000,
    .run = run_export_iati,
};

const Command feedback{
    .name = "feedback",
    .summary = "List the consultation feedback on a theory of change",
    .synopsis = "[options] FILE",
    .description =
        "Lists the feedback items of FILE (\"-\" for standard input) that match every\n"
        "filter given: phase, status, subject, author, kind and consultation, each\n"
        "item with what it is about (flagged when that is no longer in the theory of\n"
        "change), who said it, and what became of it.\n"
        "--summary prints the consultation record phase by phase instead: what was\n"
        "raised, by whom, about which result, and what became of it (Markdown unless\n"
        "--format says html or json).\n"
        "Exits with 0 on success, 1 when FILE cannot be read, 2 on a usage error.",
    .options = {{"phase", 'p', "PHASE", "only this phase (its id, e.g. workshop)"},
                {"status", 's', "STATUS", "only this status: open, accepted, rejected or addressed"},
                {"subject", 0, "ID", "only feedback about this node, indicator, assumption or link (a->b)"},
                {"author", 'a', "AUTHOR", "only feedback from this stakeholder"},
                {"kind", 'k', "KIND", "only this kind: challenge, priority, solution, comment, proposed_change"},
                {"consultation", 'c', "ID", "only this consultation"},
                {"summary", 0, "", "print the consultation record phase by phase"},
                {"format", 'f', "FORMAT", "text (default), json, md or html"}},
    .run = run_feedback,
};

const Command import_iati{
    .name = "import-iati",
    .summary = "Read IATI activity XML into tocgraph JSON, one file per activity",
    .synopsis = "[options] FILE -o DIR|OUT.json",
    .description =
        "Reads IATI activity XML (versions 1.05 to 2.03, also mixed in one file) and\n"
        "writes one theory of change per <iati-activity>: the activity as an activity node,\n"
        "each result at the level its type gives (schema \"iati\"), with indicators,\n"
        "baselines, targets and actuals (docs/iati.md). With -o DIR each activity goes to\n"
        "DIR/IDENTIFIER.json as soon as it is read; with -o OUT.json the file must hold one\n"
        "activity, or --activity picks it. Values that are not plain numbers, unknown codes\n"
        "and the like are kept and reported on standard error as findings\n"
        "(\"FILE:LINE:COLUMN: warning: [ACTIVITY] ... (CODE)\"), followed by a summary;\n"
        "reads that take over a second report their progress there too. Exits with 0 when\n"
        "the file was read (findings or not), 1 when it is not well-formed XML, the\n"
        "activity is not found or an output cannot be written.",
    .options = {{"output", 'o', "DIR|OUT.json", "where to write (required)"},
                {"activity", 'a', "ID", "only the activity with this iati-identifier"},
                {"language", 'l', "LANG", "language of titles and comments (default: the activity's, then en)"},
                {"progress", 0, "", "report progress after every activity"}},
    .run = run_import_iati,
};

const Command merge{
    .name = "merge",
    .summary = "Merge two versions of a theory of change made from a common base",
    .synopsis = "[options] BASE OURS THEIRS -o OUT",
    .description =
        "Combines the changes OURS and THEIRS made to BASE and writes the result to OUT\n"
        "(replaced atomically). Changes to different elements or fields combine; the\n"
        "same change on both sides is taken once. Conflicting changes are listed, and\n"
        "marked in the merged element's attributes.merge_conflicts: ours wins a field\n"
        "both changed; an element one side removed and the other changed is kept as\n"
        "changed; a node one side removed that the other still links to is kept; a\n"
        "combination that breaks a lint rule neither input broke drops theirs' change.\n"
        "Exits with 0 when there are no conflicts, 1 when there are (OUT is written\n"
        "all the same), and 2 when a file cannot be read or written.",
    .options = {{"output", 'o', "OUT", "where to write the merged theory of change (required)"},
                {"format", 'f', "FORMAT", "text (default) or json: how to report the conflicts"},
                {"no-lint", 0, "", "do not check the result with the linter"}},
    .min_positional = 3,
    .max_positional = 3,
    .positional_name = "BASE, OURS and THEIRS",
    .run = run_merge,
};

const Command portfolio{
    .name = "portfolio",
    .summary = "Lint, progress or indicators of many theories of change, in parallel",
    .synopsis = "lint|progress|indicators GLOB... [--as-of DATE] [--workers N | --scheduler ADDRESS] "
                "[-o OUT.parquet|OUT.csv]",
    .description =
        "Reads every file the GLOBs match (tocgraph JSON, IATI activity XML with one\n"
        "theory of change per activity, logframe CSV or XLSX) and writes one table:\n"
        "lint findings, indicator progress as of a date, or every baseline, target\n"
        "and actual. Files are read in the current process, in a local process pool\n"
        "(--workers N) or on a Dask cluster (--scheduler ADDRESS, e.g.\n"
        "tcp://10.0.0.5:8786; needs pip install 'tocgraph[dask]'). OUT's extension\n"
        "chooses CSV or Parquet (Parquet needs pyarrow); without -o the table is\n"
        "written to standard output as CSV. A file that cannot be read is reported on\n"
        "standard error with its error, and the others are still analysed.\n"
        "\n"
        "The work is done by the Python package (python -m tocgraph.portfolio), run\n"
        "with $TOCGRAPH_PYTHON, else the python3 beside this executable, else python3\n"
        "on PATH (docs/portfolio.md).\n"
        "\n"
        "Exits with 1 when a file could not be read (the table holds the others),\n"
        "2 on a usage error.",
    .options =
        {
            {"as-of", 0, "DATE", "progress as of this date (YYYY-MM-DD; progress needs it)"},
            {"workers", 'j', "N", "read and analyse in N local processes"},
            {"scheduler", 0, "ADDRESS", "run on the Dask cluster at ADDRESS"},
            {"output", 'o', "OUT", "the table to write: .csv or .parquet (default: CSV on standard output)"},
            {"failures", 0, "OUT", "also write the files that failed, as a table (.csv or .parquet)"},
            {"progress", 0, "", "show a progress bar on standard error"},
        },
    .min_positional = 2,
    .max_positional = 1000000,
    .positional_name = "OPERATION and GLOB",
    .run = run_portfolio,
};

const Command progress{
    .name = "progress",
    .summary = "Show indicator progress and its roll-up as of a date",
    .synopsis = "--as-of DATE [--by DIMENSION [--values LIST]] [--method METHOD] [--format FORMAT] FILE",
    .description =
        "For each indicator: baseline, final target, actual to date, achievement (the fraction\n"
        "of the way from baseline to target), the progress expected by the latest period end\n"
        "on or before DATE, and the status (on track, at risk, off track, not started, no\n"
        "data, or no target: actuals but no target to compare them with). Then each result\n"
        "above the activities with the roll-up of its indicators and contributors (--method\n"
        "mean, weighted, weakest, strongest or logic).\n"
        "With --by DIMENSION (e.g. country), each indicator that has values by that dimension\n"
        "is broken down by its values (or by --values, a comma-separated list), and the\n"
        "values with no data are listed.\n"
        "--format json prints the roll-up (or the breakdowns) as JSON, --format csv one row\n"
        "per indicator (or per indicator and value). The rules are in docs/monitoring.md.\n"
        "Exits with 1 when FILE cannot be read or its links form a cycle.",
    .options = with_options({{"as-of", 0, "DATE", "the date of the assessment (YYYY-MM-DD), required"},
                             {"by", 0, "DIMENSION", "break indicators down by this dimension"},
                             {"values", 0, "LIST", "with --by: the dimension values to show, comma-separated"},
                             {"method", 'm', "METHOD", "roll-up: mean (default), weighted, weakest, strongest or logic"},
                             {"format", 'f', "FORMAT", "text (default), json or csv"}},
                            tolerance_options()),
    .run = run_progress,
};

const Command render{
    .name = "render",
    .summary = "Draw a theory of change as SVG, or write it as DOT or Mermaid",
    .synopsis = "[options] FILE [-o OUT]",
    .description =
        "Draws FILE (\"-\" for standard input) with the levels of its schema as horizontal\n"
        "bands, the goal on top, arrows from cause up to effect (docs/drawing.md).\n"
        "The format is OUT's extension: .svg, .dot or .gv (Graphviz), .mmd (Mermaid), or\n"
        "--format; without -o, SVG (or --format) goes to standard output. OUT is replaced\n"
        "atomically. Boxes are coloured by level, or with --color status --as-of DATE by\n"
        "each result's rolled-up status on that date (docs/monitoring.md).\n"
        "Exits with 1 when FILE cannot be read, OUT cannot be written, or statuses cannot\n"
        "be rolled up (the links form a cycle).",
    .options = {{"output", 'o', "OUT", "the file to write (format from its extension)"},
                {"format", 'f', "FORMAT", "svg, dot or mermaid instead of OUT's extension"},
                {"color", 'c', "MODE", "colour boxes by level (default) or status"},
                {"as-of", 0, "DATE", "with --color status: the date of the assessment (YYYY-MM-DD)"},
                {"method", 'm', "METHOD", "with --color status: roll-up method (mean, weighted, weakest, strongest, logic)"},
                {"title", 0, "TEXT", "a heading instead of the programme title (\"\" for none)"},
                {"show-ids", 0, "", "print each node's id in its box"},
                {"font-size", 0, "PX", "font size of the titles (default 12)"},
                {"text-width", 0, "PX", "titles wrap at this width (default 168)"},
                {"max-width", 0, "PX", "SVG: stagger bands wider than this over two rows (default 2400, 0 never)"},
                {"empty-levels", 0, "", "SVG: draw a band for levels without nodes too"}},
    .run = run_render,
};

const Command report{
    .name = "report",
    .summary = "Write a self-contained HTML or Markdown report on a theory of change",
    .synopsis = "[options] FILE --as-of DATE [-o OUT]",
    .description =
        "Writes one file about FILE (\"-\" for standard input) and its progress on DATE:\n"
        "the programme, a summary, the diagram coloured by status, the indicators with\n"
        "baseline, target, latest actual and achievement, progress by pathway, validation\n"
        "findings, assumptions and consultation feedback (docs/reports.md).\n"
        "The format is OUT's extension (.html or .htm, .md or .markdown) or --format;\n"
        "without -o the report (HTML unless --format) goes to standard output. The HTML\n"
        "page needs nothing else: styles and the drawing are inline, there is no script.\n"
        "OUT is replaced atomically. Exits with 1 when FILE cannot be read or OUT written.",
    .options = with_options({{"as-of", 0, "DATE", "the date of the assessment (YYYY-MM-DD), required"},
                             {"output", 'o', "OUT", "the file to write (format from its extension)"},
                             {"format", 'f', "FORMAT", "html or markdown instead of OUT's extension"},
                             {"title", 0, "TEXT", "a heading instead of the programme title"},
                             {"method", 'm', "METHOD", "roll-up: mean (default), weighted, weakest, strongest or logic"}},
                            tolerance_options()),
    .run = run_report,
};

const Command show{
    .name = "show",
    .summary = "Print a theory of change as a tree, goal first",
    .synopsis = "[--ids] [--level LEVEL] FILE",
    .description =
        "Prints the programme title, a count of nodes per level, links, indicators,\n"
        "assumptions, actors and feedback items, then each goal with what contributes\n"
        "to it, one level of indentation per step down. A node that contributes to\n"
        "several results is printed in full once and marked \"(see above)\" after that.\n"
        "Activities show their status, measured nodes their number of indicators.\n"
        "Nodes from which no goal can be reached are listed last, under\n"
        "\"Not connected to a goal:\". FILE may be \"-\" for standard input.",
    .options = {{"ids", 0, "", "print each node's id after its level"},
                {"level", 'l', "LEVEL", "stop at this level (a level id such as immediate_outcome)"}},
    .run = run_show,
};

const Command simulate{
    .name = "simulate",
    .summary = "Estimate the chance that each result and the goal are achieved",
    .synopsis = "[--as-of DATE] [--observe ID=achieved|not_achieved ...] [--method METHOD] [options] FILE",
    .description =
        "Treats the theory of change in FILE (\"-\" for standard input) as a Bayesian\n"
        "network (docs/probability.md): activities achieved by their status, links\n"
        "working with their strength and their assumptions' likelihood, each result\n"
        "combining its causes by its logic. Prints P(achieved) of every node given the\n"
        "observations, the target's (default: the goal) most decisive assumptions, the\n"
        "links the observations put in doubt and the parameters that were defaulted.\n"
        "\n"
        "--as-of DATE observes the nodes whose own indicators have all reached their\n"
        "final target by DATE as achieved, and those with an indicator off track as not\n"
        "achieved (the tolerances as in `progress`); --observe adds or overrides one\n"
        "node (or assumption) at a time.\n"
        "\n"
        "--method exact (default) runs exact inference and fails when the model is too\n"
        "large for it; monte-carlo samples (--samples N, --seed N, --threads N; the\n"
        "result depends on the seed and the number of samples only): observed\n"
        "activities and assumptions are set in every sample, and the samples\n"
        "inconsistent with an observed result are dropped.\n"
        "\n"
        "With --format json, one object: file, title, target, method, samples,\n"
        "accepted, observations, evidence_probability, nodes, assumptions,\n"
        "links_in_doubt, defaulted. With --format csv: id,level,probability,std_error.",
    .options = with_options({{"as-of", 0, "DATE", "observe what monitoring says as of this date (YYYY-MM-DD)"},
                             {"observe", 'o', "ID=STATE", "observe a node: achieved or not_achieved (repeatable)"},
                             {"method", 'm', "METHOD", "exact (default) or monte-carlo"},
                             {"samples", 'n', "N", "Monte Carlo samples (default 100000)"},
                             {"seed", 0, "N", "Monte Carlo seed (default 0)"},
                             {"threads", 0, "N", "Monte Carlo threads (default: one per core)"},
                             {"target", 't', "ID", "the node whose sensitivity is shown (default: the goal)"},
                             {"format", 'f', "FORMAT", "text (default), json or csv"}},
                            tolerance_options("with --as-of: ")),
    .run = run_simulate,
};

}  // namespace

std::span<const Command* const> commands() {
    static const std::array<const Command*, 14> all = {
        &analyze,
        &check,
        &convert,
        &diff,
        &export_iati,
        &feedback,
        &import_iati,
        &merge,
        &portfolio,
        &progress,
        &render,
        &report,
        &show,
        &simulate,
    };
    return all;
}

const Command* find_command(std::string_view name) {
    const auto all = commands();
    auto it = std::ranges::find_if(all, [&](const Command* c) { return c->name == name; });
    return it == all.end() ? nullptr : *it;
}

}  // namespace tocgraph::cli
