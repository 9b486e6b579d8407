#pragma once
// Facts about the programme and the document: title, funder, period, version,
// sources, and the consultations the ToC went through.

#include <optional>
#include <string>
#include <vector>

#include "attributes.hpp"
#include "date.hpp"

namespace tocgraph {

/// A document the ToC's content comes from.
struct Source {
    std::string id;
    std::string title;
    std::string url;
    std::string note;  ///< what was taken from it
    friend bool operator==(const Source&, const Source&) = default;
};

/// A step of a consultation, e.g. "pre_workshop", "workshop", "finalisation".
struct ConsultationPhase {
    std::string id;
    std::string title;
    friend bool operator==(const ConsultationPhase&, const ConsultationPhase&) = default;
};

/// A dated event in a consultation's history (a meeting, a circulation).
struct ConsultationEvent {
    std::optional<Date> date;
    std::string title;
    std::string description;
    friend bool operator==(const ConsultationEvent&, const ConsultationEvent&) = default;
};

struct Consultation {
    std::string id;
    std::string title;
    std::optional<Date> date;
    std::string venue;
    std::vector<std::string> objectives;
    std::vector<ConsultationPhase> phases;
    std::vector<ConsultationEvent> events;
    std::vector<std::string> sources;  ///< ids of metadata sources
    friend bool operator==(const Consultation&, const Consultation&) = default;
};

struct Metadata {
    std::string title;
    std::string description;
    std::string funder;
    std::optional<Period> period;
    std::string version;
    std::optional<Date> date;
    std::vector<Source> sources;
    std::vector<Consultation> consultations;
    Attributes attributes;

    friend bool operator==(const Metadata&, const Metadata&) = default;
};

}  // namespace tocgraph
