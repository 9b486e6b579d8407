#pragma once
// Reports: one self-contained file, HTML or Markdown, on a theory of change
// and its progress as of a date (docs/reports.md).
//
//   tocgraph::ReportOptions o;
//   o.as_of = tocgraph::Date::from_ymd(2022, 12, 31);
//   std::string page = tocgraph::html_report(toc, o);
//   tocgraph::save_report(toc, "report.html", o);   // format from the extension, written atomically

#include "report/content.hpp"
#include "report/html.hpp"
#include "report/markdown.hpp"
#include "report/save.hpp"
