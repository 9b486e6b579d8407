// The consultation record: listing and filtering feedback, resolving it,
// and the summary per phase with its Markdown, HTML and JSON forms.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include <tocgraph/json_io.hpp>
#include <tocgraph/versions.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {
using nlohmann::json;

namespace {

const std::string example = TOCGRAPH_TEST_DATA_DIR "/../../examples/asean-act/toc.json";

/// A query built member by member (designated initializers that leave
/// members out draw warnings from some compilers).
FeedbackQuery query(std::string phase, std::string author = "", std::string subject = "",
                    std::optional<FeedbackStatus> status = std::nullopt, std::optional<FeedbackKind> kind = std::nullopt) {
    FeedbackQuery q;
    q.phase = std::move(phase);
    q.author = std::move(author);
    q.subject = std::move(subject);
    q.status = status;
    q.kind = kind;
    return q;
}

FeedbackResolution resolution(FeedbackStatus status, std::string text, std::string version = "",
                              std::vector<std::string> changes = {}, std::optional<Date> date = std::nullopt) {
    FeedbackResolution r;
    r.status = status;
    r.resolution = std::move(text);
    r.version = std::move(version);
    r.changes = std::move(changes);
    r.date = date;
    return r;
}

std::vector<std::string> ids(const std::vector<Feedback>& items) {
    std::vector<std::string> out;
    for (const Feedback& f : items) out.push_back(f.id);
    return out;
}

}  // namespace

TEST_CASE("feedback is filtered by phase, author, subject, status and kind") {
    const TheoryOfChange toc = load(example);
    CHECK(find_feedback(toc).size() == toc.feedback_count());
    CHECK(ids(find_feedback(toc, query("pre_workshop"))) == std::vector<std::string>{"fb_pre_1", "fb_pre_2"});
    CHECK(ids(find_feedback(toc, query("", "Participant A (Member State delegation)"))) ==
          std::vector<std::string>{"fb_pre_1", "fb_ws_4"});
    CHECK(ids(find_feedback(toc, query("", "", "act_exchanges->out_knowledge_exchange"))) ==
          std::vector<std::string>{"fb_ws_1"});
    CHECK(ids(find_feedback(toc, query("", "", "", FeedbackStatus::open))) == std::vector<std::string>{"fb_ws_3", "fb_ws_4"});
    CHECK(ids(find_feedback(toc, query("workshop", "", "", std::nullopt, FeedbackKind::challenge))) ==
          std::vector<std::string>{"fb_ws_1"});
    FeedbackQuery another;
    another.consultation = "another";
    CHECK(find_feedback(toc, another).empty());
}

TEST_CASE("resolving feedback records the outcome and the change that addressed it") {
    TheoryOfChange toc = load(example);
    resolve_feedback(toc, "fb_ws_4",
                     resolution(FeedbackStatus::addressed, "Indicator added", "1.1", {"indicators/ind_new"},
                                Date{2021, 5, 28}));
    const Feedback& f = toc.feedback("fb_ws_4");
    CHECK(f.status == FeedbackStatus::addressed);
    CHECK(f.resolution == "Indicator added");
    CHECK(f.attributes["illustrative"] == true);  // other attributes stay
    CHECK(f.attributes["resolved_in"] ==
          json{{"version", "1.1"}, {"changes", {"indicators/ind_new"}}, {"date", "2021-05-28"}});

    resolve_feedback(toc, "fb_ws_4", resolution(FeedbackStatus::rejected, "Out of scope"));
    CHECK(toc.feedback("fb_ws_4").status == FeedbackStatus::rejected);
    CHECK_FALSE(toc.feedback("fb_ws_4").attributes.contains("resolved_in"));

    CHECK_THROWS_WITH(resolve_feedback(toc, "nope", {}), "no feedback \"nope\"");
    CHECK_THROWS_WITH(resolve_feedback(toc, "fb_ws_3", resolution(FeedbackStatus::open, "")),
                      "feedback \"fb_ws_3\": a resolution has status \"accepted\", \"rejected\" or \"addressed\"");
    CHECK_THROWS_WITH(resolve_feedback(toc, "fb_ws_3", resolution(FeedbackStatus::addressed, "", "", {"nodes/"})),
                      "feedback \"fb_ws_3\": change reference \"nodes/\" is not \"<collection>/<id>\"");

    TheoryOfChange before = load(example);
    TheoryOfChange after = before;
    after.remove_node("act_translate_guidance");
    const Diff d = diff(before, after);
    CHECK(change_reference(d.changes[0]) == "nodes/act_translate_guidance");
    CHECK(change_reference(d.changes[1]) == "links/act_translate_guidance->out_planning_guidance");
}

TEST_CASE("subjects are resolved to what they name") {
    const TheoryOfChange toc = load(example);
    CHECK(resolve_subject(toc, "") == FeedbackSubject{SubjectKind::programme, "", "the theory of change as a whole"});
    CHECK(resolve_subject(toc, "io_1_2").kind == SubjectKind::node);
    CHECK(resolve_subject(toc, "io_1_2").title == "ASEAN Member States are sharing knowledge and learning on ACTIP implementation");
    CHECK(resolve_subject(toc, "ind_io12_participants").kind == SubjectKind::indicator);
    CHECK(resolve_subject(toc, "asm_travel").kind == SubjectKind::assumption);
    CHECK(resolve_subject(toc, "KH").kind == SubjectKind::actor);
    CHECK(resolve_subject(toc, "act_exchanges->out_knowledge_exchange") ==
          FeedbackSubject{SubjectKind::link, "act_exchanges->out_knowledge_exchange",
                          "act_exchanges -> out_knowledge_exchange"});
    CHECK(resolve_subject(toc, "io_1_2->io_1_3").kind == SubjectKind::missing);
    CHECK(resolve_subject(toc, "gone").kind == SubjectKind::missing);
}

TEST_CASE("the consultation summary, phase by phase") {
    TheoryOfChange toc = load(example);
    toc.remove_node("act_cso_dialogue");  // fb_ws_3 is about it
    Feedback late = feedback("fb_late", "Share the final plan");
    late.consultation = "somtc_workplan_2021";
    late.phase = "follow_up";
    late.author = "Participant G";
    toc.add_feedback(late);
    Feedback loose = feedback("fb_loose", "General remark");
    loose.status = FeedbackStatus::accepted;
    toc.add_feedback(loose);

    const ConsultationSummary s = consultation_summary(toc);
    CHECK(s.counts == StatusCounts{3, 3, 1, 3});
    REQUIRE(s.phases.size() == 5);
    CHECK(s.phases[0].phase == "pre_workshop");
    CHECK(s.phases[0].title == "Pre-workshop");
    CHECK(s.phases[0].declared);
    CHECK(s.phases[0].authors ==
          std::vector<std::string>{"Participant A (Member State delegation)", "Participant B (Member State delegation)"});
    CHECK(s.phases[0].subjects == std::vector<std::string>{"io_1_3", "io_1_1"});
    CHECK(s.phases[1].phase == "workshop");
    CHECK(s.phases[1].counts == StatusCounts{2, 1, 0, 1});
    CHECK(s.phases[1].entries[2].subject.kind == SubjectKind::missing);
    CHECK(s.phases[2].phase == "finalisation");
    CHECK(s.phases[2].entries[1].subject.kind == SubjectKind::programme);
    CHECK(s.phases[3].phase == "follow_up");
    CHECK_FALSE(s.phases[3].declared);
    CHECK(s.phases[4].phase.empty());
    CHECK(s.phases[4].title == "No phase");
    REQUIRE(s.missing_subjects.size() == 1);
    CHECK(s.missing_subjects[0].feedback.id == "fb_ws_3");

    const ConsultationSummary only = consultation_summary(toc, "somtc_workplan_2021");
    CHECK(only.phases.size() == 4);  // not the feedback without a consultation
    CHECK(only.counts.total() == 9);

    const std::string md = to_markdown(s);
    CHECK(md.starts_with("## Consultation record\n\n"));
    CHECK(md.find("\n### Pre-workshop\n\n2 feedback items: 1 addressed, 1 accepted, from Participant A (Member "
                  "State delegation) and Participant B (Member State delegation).\n") != std::string::npos);
    CHECK(md.find("| `fb_ws_3` | Participant E (Member State delegation) | **no longer in the theory of change:** "
                  "`act_cso_dialogue` | proposed\\_change |") != std::string::npos);
    CHECK(md.find("### Feedback about results no longer in the theory of change") != std::string::npos);
    CHECK(to_markdown(s, 3).starts_with("### Consultation record\n"));

    const std::string html = to_html(s);
    CHECK(html.starts_with("<section class=\"tocgraph-consultation\">"));
    CHECK(html.find("<h3>Workshop via videoconference</h3>") != std::string::npos);
    CHECK(html.find("<tr class=\"missing\"><td><code>fb_ws_3</code>") != std::string::npos);
    CHECK(html.find("<span class=\"status addressed\">Addressed</span>: Exchanges moved online;") != std::string::npos);

    const json j = s;
    CHECK(j["counts"]["total"] == 10);
    CHECK(j["phases"][1]["entries"][2]["subject"]["kind"] == "missing");
    CHECK(j["missing_subjects"] == json{"fb_ws_3"});
}

TEST_CASE("the version after the workshop resolves the workshop's open items") {
    const TheoryOfChange after = load(TOCGRAPH_TEST_DATA_DIR "/../../examples/asean-act/toc-after-workshop.json");
    const ConsultationSummary s = consultation_summary(after);
    CHECK(s.missing_subjects.empty());
    const auto& workshop = s.phases[1];
    REQUIRE(workshop.phase == "workshop");
    CHECK(workshop.counts.open == 0);
    for (const FeedbackEntry& e : workshop.entries)
        if (e.feedback.id == "fb_ws_3") {
            CHECK(e.version == "1.1");
            CHECK(e.changes.front() == "links/act_cso_dialogue->io_1_2");
            CHECK(after.has_link("act_cso_dialogue", "io_1_2"));
        }
}

TEST_CASE("Feedback counts and items as text and JSON", "[consultation][format]") {
    StatusCounts counts;
    CHECK(status_counts_text(counts) == "0 feedback items");
    counts.count(FeedbackStatus::open);
    CHECK(status_counts_text(counts) == "1 feedback item: 1 open");
    counts.count(FeedbackStatus::addressed);
    counts.count(FeedbackStatus::rejected);
    counts.count(FeedbackStatus::open);
    CHECK(status_counts_text(counts) == "4 feedback items: 1 addressed, 1 rejected, 2 open");
    CHECK(status_counts_json(counts) ==
          json{{"open", 2}, {"accepted", 0}, {"rejected", 1}, {"addressed", 1}, {"total", 4}});

    Feedback f = feedback("fb1", "Too broad");
    f.subject = "io1";
    const json j = feedback_json(f);
    CHECK(j["id"] == "fb1");
    CHECK(j["kind"] == "comment");
    CHECK(j["status"] == "open");
    CHECK(j["author"] == "");
    CHECK(j["date"].is_null());
}

}  // namespace tocgraph::test
