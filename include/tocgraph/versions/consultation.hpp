#pragma once
// The consultation record and its summary as data (consultation_record.hpp)
// and as Markdown, HTML and JSON (consultation_format.hpp), for reports:
//
//   const auto summary = tocgraph::consultation_summary(toc);
//   std::string md = tocgraph::to_markdown(summary, 2);   // "## Consultation record" ...
//   std::string html = tocgraph::to_html(summary);        // a <section>, styles included

#include "consultation_record.hpp"
#include "consultation_format.hpp"
