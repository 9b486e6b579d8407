#pragma once
// TheoryOfChange -> IATI 2.03 activity XML: the activity's identity (identifier,
// reporting organisation, title, descriptions, status, dates, SDG tags) and
// its <result> elements, one <iati-activity> per ToC. Financial and other
// activity data is not part of a theory of change and is not written.
//
// What the importer kept under attributes["iati"] is written back: every
// narrative with its language, codes that could not be read, document links,
// and the period layout, so that import -> export -> import gives the same
// ToC. Fields edited after the import win over what was kept: a changed title
// replaces the narrative it was read from, a changed value replaces the text
// it was read from, edited targets and actuals are regrouped by period.
// Nodes at goal, pathway, outcome and output levels of other level schemas
// are written as results of type 3, 2, 2 and 1.

#include <filesystem>
#include <string>
#include <vector>

#include "../detail/xml/writer.hpp"
#include "../file_io.hpp"
#include "../theory_of_change.hpp"
#include "detail/exporter.hpp"

namespace tocgraph::iati {

/// IATI 2.03 XML with one <iati-activity> per ToC. Throws Error for values
/// XML cannot carry (text that is not UTF-8, NaN values).
inline std::string to_iati(const std::vector<const TheoryOfChange*>& tocs) {
    tocgraph::detail::XmlWriter xml;
    xml.start("iati-activities");
    xml.attribute("version", "2.03");
    detail::Exporter exporter(xml);
    for (const TheoryOfChange* toc : tocs) exporter.activity(*toc);
    xml.end();
    return xml.finish();
}
inline std::string to_iati(const TheoryOfChange& toc) { return to_iati(std::vector<const TheoryOfChange*>{&toc}); }
inline std::string to_iati(const std::vector<TheoryOfChange>& tocs) {
    std::vector<const TheoryOfChange*> pointers;
    for (const TheoryOfChange& t : tocs) pointers.push_back(&t);
    return to_iati(pointers);
}

/// Writes the IATI XML of the ToCs to a file atomically (the file is
/// replaced whole or left as it was); throws Error.
inline void write_iati(const std::vector<const TheoryOfChange*>& tocs, const std::filesystem::path& path) {
    write_file_atomically(path, to_iati(tocs));
}
inline void write_iati(const std::vector<TheoryOfChange>& tocs, const std::filesystem::path& path) {
    write_file_atomically(path, to_iati(tocs));
}

}  // namespace tocgraph::iati
