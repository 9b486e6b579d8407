#pragma once
// Forward declarations of the model's types, for headers that only pass
// them around: a public header whose functions hand a `const TheoryOfChange&`
// to their implementation in detail/ names the type here, and the
// implementation includes the definition it needs.

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
