#pragma once
// IATI activity XML (docs/iati.md): one theory of change per <iati-activity>,
// read activity by activity (versions 1.05 to 2.03), and written back as
// IATI 2.03 results.
//
//   tocgraph::iati::ImportResult r = tocgraph::iati::read_iati_file("activities.xml");
//   tocgraph::iati::write_iati(r.tocs, "results.xml");

#include "iati/read.hpp"
#include "iati/write.hpp"
