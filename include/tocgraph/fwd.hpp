#pragma once
// Forward declarations, for headers that only pass tocgraph types around.

namespace tocgraph {

struct Date;
struct Period;
struct Level;
class LevelSchema;
struct Budget;
struct Reference;
struct Node;
struct Evidence;
struct Link;
struct Assumption;
struct Actor;
struct Baseline;
struct PeriodValue;
struct Indicator;
struct Feedback;
struct Source;
struct ConsultationPhase;
struct ConsultationEvent;
struct Consultation;
struct Metadata;
class TheoryOfChange;
class Error;
class ModelError;
class FormatError;

}  // namespace tocgraph
