"""Generalisation: k-fold held-out recall of the statistical detector, the fresh check set,
and the detector's contract (it only adds safety tags and respects negation and idioms)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.errors import DataFileError
from bot.policy import CallContext, Turn, decide
from bot.policy.decide import decide_with
from bot.policy.model import Locale
from bot.policy.ngram import MODEL_DIR, load_concepts, load_everyday, load_ngram_model
from tests.bot.policy.devset_metrics import DEVSET_DIR
from tests.bot.policy.freshset_metrics import evaluate_fresh
from tests.bot.policy.kfold import cross_validate

# Floors measured at commit time (5 folds, seed 7): en 336/410, zh 340/391. The devset then
# grew by ~60 safety lines a locale of means/place, farewell and passive-ideation wording the
# lexicons now hear but the detector alone mostly cannot (new concepts): en 383/472, zh
# 385/451 detector-only, combined recall still 100 %; a third probe round: en 385/486,
# zh 394/463; a fourth (a third of an own 129-line probe a locale, plus neutral "bought a ..."
# lines): en 411/504, zh 415/482. Then a safety model trained on both tags together, wider
# concept classes, thresholds chosen by the k-fold sweep (``python -m tests.bot.policy.kfold
# --sweep``) and 161/163 new lines a locale (half crisis, half hard negatives): en 537/584
# (old detector on the same data 490/584), zh 516/564 (old 484/564), with false adds on
# the lines without a safety label en 33/878, zh 20/844. Then (en) each stretch of text
# counted once by its most telling feature, re-swept thresholds, and a fifth probe
# (153/134 lines a locale: indirect crisis wording, harm at home, every other category,
# chores and idioms): en 595/640, false adds 32/975; zh 568/618, false adds 22/924; with
# 79 more non-safety lines and concept terms for the held-out misses (en pain, upset, not
# safe, heaven, things away; zh 抑郁, 喘不上, 醒过来, 极端): en 608/640, false adds 34/1014;
# zh 575/618, false adds 21/964. With the two after-fix probes (89 lines a locale, measured
# first, then added) and concept terms for the detector's misses: en 636/671, false adds
# 37/1072; zh 602/650, false adds 21/1021 (floors kept). With a third after-fix probe (30
# lines a locale) and the en threshold re-swept (-0.5, no-concept margin 3): en 659/691,
# false adds 37/1082; zh 624/670, false adds 22/1031. Reassurance ("i'm fine", 哈哈) is then
# taken out before scoring so appending it never lowers what was heard (the property test
# found lines it did): en 658/691, false adds 39/1082; zh (margin 7) 624/670, 25/1031.
# Folds then became a hash of each line's text (appending lines reshuffled every fold and
# moved recall by +-4 lines), and 400 lines a locale of everyday call talk
# (evidence_model/everyday_<locale>.jsonl: "i'll be gone till tuesday", pills taken as
# prescribed, 我走了啊 要上班了) train as untagged lines and are held out by the same folds:
# without them, held-out everyday talk escalated en 65/400, zh 54/400 (and a blind set of
# 170 everyday lines a locale 22 and 17); with them 53/400 and 42/400 (17 and 12) at the
# re-swept thresholds, for a detector recall of en 697/734 (95.0 %), false adds 40/1129;
# zh 656/710 (92.4 %), false adds 27/1091. The floors follow the measured values.
DETECTOR_HELD_OUT_FLOOR = {"en": 0.945, "zh": 0.92}
#: Ceiling on the detector's held-out additions to lines without a safety label.
DETECTOR_FALSE_ADD_CEILING = {"en": 0.037, "zh": 0.025}
#: Ceiling on held-out everyday talk handed over or ended (lexicon and detector together).
EVERYDAY_ESCALATED_CEILING = {"en": 0.14, "zh": 0.11}


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_k_fold_held_out_recall(locale: Locale, capsys: pytest.CaptureFixture[str]) -> None:
    report = cross_validate(locale)
    with capsys.disabled():
        print("\n" + report.line())
    assert report.model_safety_hits / report.safety_total >= DETECTOR_HELD_OUT_FLOOR[locale]
    assert report.model_false_adds / report.other_total <= DETECTOR_FALSE_ADD_CEILING[locale]
    assert report.everyday_escalated / report.everyday_total <= EVERYDAY_ESCALATED_CEILING[locale]
    assert report.combined_safety_hits == report.safety_total
    assert report.combined_benign_escalated / report.benign_total <= 0.10
    assert report.combined_correct / report.total >= 0.85


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_fresh_set(locale: Locale, capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate_fresh(locale)
    with capsys.disabled():
        print("\n" + report.line())
    # measured: en 39/40, zh 38/40 (lexicons alone, before this detector: 26/40, 30/40);
    # neutral escalated 3/25 each (two are hardship on "payment plan"/"分期" wording)
    assert report.hits["safety"] >= 38, report.misses
    assert report.totals["neutral"] - report.hits["neutral"] <= 3, report.misses
    assert report.rate("cease") == 1.0, report.misses


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_second_blind_set(locale: Locale, capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate_fresh(locale, "_blind2")
    with capsys.disabled():
        print("\n" + report.line())
    # measured: en 26/30, zh 27/30 (lexicons alone 17/30, 9/30); neutral 1/20 each; with
    # the safety model and wider concepts: en 29/30, zh 29/30, neutral 0/20 each
    assert report.hits["safety"] >= 29, report.misses
    assert report.totals["neutral"] - report.hits["neutral"] <= 1, report.misses


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_eighth_blind_set(locale: Locale, capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate_fresh(locale, "_blind8")
    with capsys.disabled():
        print("\n" + report.line())
    # Written by people who never saw the policy; measured before the round that followed
    # (2026-12-04): en safety 50/60, neutral escalated 8/70, cease 19/20; zh 55/60, 11/70,
    # 19/20. After the round (no longer blind): en 55/60, 4/70, 19/20; zh 58/60, 4/70,
    # 20/20. The floors hold what was reached; the misses are the next round's work.
    floors = {"en": (55, 4, 19), "zh": (58, 4, 20)}[locale]
    assert report.hits["safety"] >= floors[0], report.misses
    assert report.totals["neutral"] - report.hits["neutral"] <= floors[1], report.misses
    assert report.hits["cease"] >= floors[2], report.misses


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_ninth_blind_set(locale: Locale, capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate_fresh(locale, "_blind9")
    with capsys.disabled():
        print("\n" + report.line())
    # Written by people who never saw the policy; measured before the rounds that followed
    # (2026-12-04): en safety 50/60, neutral escalated 8/70, cease 19/20; zh 54/60, 11/70,
    # 18/20. After en round 6 (which never saw it): en 52/60. After rounds given its missed
    # families in the abstract (the helpers wrote their own wordings, never these lines):
    # en 55/60, 4/70, 19/20; zh 57/60, 9/70, 20/20.
    floors = {"en": (55, 4, 19), "zh": (57, 9, 20)}[locale]
    assert report.hits["safety"] >= floors[0], report.misses
    assert report.totals["neutral"] - report.hits["neutral"] <= floors[1], report.misses
    assert report.hits["cease"] >= floors[2], report.misses


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_training_examples_are_the_devset(locale: str) -> None:
    packaged = (MODEL_DIR / f"training_{locale}.jsonl").read_text(encoding="utf-8")
    assert packaged == (DEVSET_DIR / f"{locale}.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_everyday_talk_is_apart_from_the_devset(locale: Locale) -> None:
    everyday = load_everyday(locale)
    lines = (DEVSET_DIR / f"{locale}.jsonl").read_text(encoding="utf-8").splitlines()
    devset = {json.loads(line)["text"] for line in lines if line.strip()}
    assert len(everyday) >= 300
    assert len(set(everyday)) == len(everyday)
    assert not set(everyday) & devset


def test_a_bad_everyday_line_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "everyday_en.jsonl").write_text('{"text": "hi"}\n{"txt": "oops"}\n')
    with pytest.raises(DataFileError) as error:
        load_everyday("en", tmp_path)
    assert "everyday_en.jsonl:2" in str(error.value)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "i'm thinking of jumping off the overpass"),
        ("en", "honestly the world would be lighter without me in it"),
        ("zh", "我把麻绳挂好了"),
        ("zh", "我不想再拖累任何人了我会走的"),
    ],
)
def test_detector_hears_unseen_wording(locale: Locale, text: str) -> None:
    assert decide_with(Turn(text, locale), CallContext(), None).action == "continue"
    decision = decide(Turn(text, locale), CallContext())
    assert decision.action == "handoff"
    assert any(e.source == "model" for e in decision.evidence)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "i'm not going to hurt myself"),
        ("en", "this traffic is killing me"),
        ("en", "i want to keep living my best life"),
        ("zh", "笑死我了"),
        ("zh", "我不会想不开的"),
    ],
)
def test_detector_respects_negation_and_idioms(locale: Locale, text: str) -> None:
    decision = decide(Turn(text, locale), CallContext())
    assert decision.action == "continue"
    assert not any(e.source == "model" for e in decision.evidence)


@pytest.mark.parametrize("locale", ["en", "zh"])
def test_detector_only_adds(locale: Locale) -> None:
    for line in (DEVSET_DIR / f"{locale}.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        plain = decide_with(Turn(text, locale), CallContext(), None)
        full = decide(Turn(text, locale), CallContext())
        assert set(plain.reasons) <= set(full.reasons), text


def test_detector_adds_only_safety_tags() -> None:
    model = load_ngram_model("en")
    assert {m.tag for m in model.tags} == {"self_harm", "distress"}


def test_bad_concept_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text("thresholds: {self_harm: 1}\nconcepts: [a\n", "utf-8")
    with pytest.raises(DataFileError, match=r"en\.yml:\d+"):
        load_concepts("en", tmp_path)
    (tmp_path / "en.yml").write_text("concepts:\n  death: die\n", "utf-8")
    with pytest.raises(DataFileError, match="must be a list"):
        load_concepts("en", tmp_path)


def test_compositional_rule_needs_first_person_and_two_risk_classes() -> None:
    from types import MappingProxyType

    from bot.policy.ngram import train

    strict = replace(load_concepts("en"), thresholds=MappingProxyType({"safety": 1e9}))
    model = train([(" i want to die ", frozenset({"self_harm"})), (" ok ", frozenset())], strict)
    tags = model.added_tags(" i am sat here with a knife and a note ")
    assert [(tag, top) for tag, _, top in tags] == [("self_harm", ("@goodbye", "@means"))]
    assert model.added_tags(" he is sat there with a knife and a note ") == []
    assert model.added_tags(" i am sat here with a knife ") == []


def test_bad_risk_class_count_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "zh.yml").write_text("min_risk_classes: two\nconcepts: {}\n", "utf-8")
    with pytest.raises(DataFileError, match=r"zh\.yml:1: \"min_risk_classes\""):
        load_concepts("zh", tmp_path)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # overlapping features count once: not "no", "point", "no_point" and @hopeless
        ("en", "no point sending letters, just email me"),
        # the phrasal verb is not the means
        ("en", "i'm going to hang up now"),
        # everyday talk (@calm) asks the benign margin
        ("en", "i'm just hanging up the coats, one sec"),
        # someone else's absence (third party) is a benign context
        ("en", "my dad's not here right now"),
        ("zh", "我在车里开着空调等孩子放学"),
    ],
)
def test_detector_stays_quiet_on_everyday_talk(locale: Locale, text: str) -> None:
    decision = decide(Turn(text, locale), CallContext())
    assert decision.action != "handoff", decision
    assert not any(e.source == "model" for e in decision.evidence)


def test_calm_context_never_undoes_the_lexicon() -> None:
    decision = decide(Turn("one sec, i want to kill myself", "en"), CallContext())
    assert decision.action == "handoff"


def test_overlapping_features_count_once() -> None:
    model = load_ngram_model("en")
    assert model.concepts.overlaps_once
    summed = replace(model, concepts=replace(model.concepts, overlaps_once=False))
    surface = " no point sending letters | just email me "
    assert model.score(surface)["safety"][0] < summed.score(surface)["safety"][0]


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "there's no reason for me to be here any more I'm fine"),
        ("en", "i'm sat on the edge of the bath with a razor. no I'm not going to do anything"),
        ("en", "i want to and it all. no I'm not going to do anything"),
        ("zh", "下周这个时候这些事就都跟我没关系了哈哈"),
    ],
)
def test_reassurance_never_undoes_a_detector_hit(locale: Locale, text: str) -> None:
    # lines the lexicon does not hear: only the detector hands them over
    decision = decide(Turn(text, locale), CallContext())
    assert decision.action == "handoff"
    assert decision.reasons[0] == "self_harm"


# (safety handed over, neutral escalated at most, accuracy over all 200 lines at least)
EVERY_ACTION_FLOORS = {
    ("en", "_blind10"): (55, 2, 0.985),
    ("zh", "_blind10"): (53, 2, 0.97),
    ("en", "_blind11"): (54, 0, 0.98),
    ("zh", "_blind11"): (55, 1, 0.98),
    ("en", "_blind12"): (55, 0, 0.995),
    ("zh", "_blind12"): (53, 3, 0.955),
    # measured blind after round 10 and kept as it was: no round has seen it
    ("en", "_blind13"): (40, 3, 0.92),
    ("zh", "_blind13"): (40, 3, 0.91),
    # sets 14-17 each measured blind, then given to the next round in the abstract
    ("en", "_blind14"): (45, 0, 1.0),
    ("zh", "_blind14"): (45, 2, 0.98),
    ("en", "_blind15"): (45, 1, 0.973),
    ("zh", "_blind15"): (44, 1, 0.986),
    ("en", "_blind16"): (45, 1, 0.986),
    ("zh", "_blind16"): (44, 0, 0.993),
    ("en", "_blind17"): (45, 0, 1.0),
    ("zh", "_blind17"): (45, 0, 1.0),
    # measured blind after round 14 and kept as it was (after round 16: the same, en 93.3 %)
    ("en", "_blind18"): (44, 2, 0.933),
    ("zh", "_blind18"): (45, 3, 0.96),
    # sets 19-21 each measured blind, then given to the next round in the abstract
    ("en", "_blind19"): (45, 2, 0.973),
    ("zh", "_blind19"): (45, 0, 1.0),
    ("en", "_blind20"): (45, 4, 0.96),
    ("zh", "_blind20"): (44, 4, 0.966),
    ("en", "_blind21"): (43, 2, 0.926),
    ("zh", "_blind21"): (45, 2, 0.98),
    ("en", "_blind22"): (45, 3, 0.953),
    ("zh", "_blind22"): (44, 0, 0.993),
    ("en", "_blind23"): (45, 1, 0.993),
    ("zh", "_blind23"): (44, 0, 0.98),
    ("en", "_blind24"): (45, 2, 0.94),
    ("zh", "_blind24"): (45, 3, 0.933),
    ("en", "_blind25"): (45, 0, 0.986),
    ("zh", "_blind25"): (45, 3, 0.966),
    ("en", "_blind26"): (45, 1, 0.98),
    ("zh", "_blind26"): (45, 2, 0.966),
    ("en", "_blind27"): (45, 0, 0.973),
    ("zh", "_blind27"): (45, 2, 0.973),
    ("en", "_blind28"): (45, 2, 0.966),
    ("zh", "_blind28"): (45, 1, 0.96),
}


@pytest.mark.parametrize(("locale", "suffix"), sorted(EVERY_ACTION_FLOORS))
def test_blind_sets_with_every_action(
    locale: Locale, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    report = evaluate_fresh(locale, suffix)
    with capsys.disabled():
        print(f"\n{report.line()}, action accuracy {report.accuracy * 100:5.1f}%")
    # Sets 10-12 carry every kind of line (55 safety, 25 escalate, 25 hardship, 20 cease,
    # 15 wrong/third party, 60 neutral a locale, each with its expected action), written by
    # people who never saw the policy or the earlier sets. Measured before the round that
    # followed each (2026-12-05): blind10 en safety 52/55, neutral escalated 4/60, accuracy
    # 87.5 %; zh 50/55, 4/60, 89.0 %. blind11 (after round 8, still blind): en 49/55, 2/60,
    # 90.0 %; zh 50/55, 8/60, 89.0 %. blind12 (after round 9, still blind): en 46/55, 3/60,
    # 89.5 %; zh 45/55, 4/60, 87.5 %. After rounds given their missed families in the
    # abstract (own wordings, never these lines), the floors below. blind13 (150 lines a
    # locale, after round 10) is still blind: en 40/45, 3/45, 92.0 %; zh 40/45, 3/45, 91.3 %.
    # 2026-12-05, 150 lines a locale each, measured blind before the round that followed:
    # blind14 (start of the session) en 42/45, 1/45, 88.0 %; zh 39/45, 3/45, 88.7 %. blind15
    # (after round 11) en 41/45, 1/45, 90.0 %; zh 37/45, 7/45, 83.3 %. blind16 (after round
    # 12) en 42/45, 8/45, 88.0 %; zh 41/45, 5/45, 89.3 %. blind17 (after round 13) en 44/45,
    # 3/45, 92.7 %; zh 45/45, 2/45, 93.3 %. blind18 (after round 14) is still blind: en 44/45,
    # 2/45, 92.7 %; zh 45/45, 3/45, 96.0 % (after round 16: en 44/45, 2/45, 93.3 %; zh the
    # same). 2026-12-05 (evening): blind19 (start of the session) en 43/45, 5/45, 89.3 %; zh
    # 43/45, 1/45, 94.7 %. blind20 (after round 15; its writers asked for more regional
    # Englishes and dialects, elderly and young speakers) en 40/45, 7/45, 85.3 %; zh 42/45,
    # 6/45, 89.3 %. blind21 (after round 16; no "kill myself"/"suicide"/自杀/想死 at all) en
    # 39/45, 3/45, 82.7 %; zh 40/45, 6/45, 90.0 %. 2026-12-06: blind22 (start of the
    # session) en 45/45, 5/45, 91.3 %; zh 41/45, 1/45, 88.7 % (after round 18, which saw
    # some of its lines: en 45/45, 3/45, 95.3 %; zh 44/45, 0/45, 99.3 %). blind23 (after
    # round 18, before round 19, which worked from its families in the abstract) en 44/45,
    # 3/45, 92.7 %; zh 39/45, 0/45, 90.0 % (after round 19: en 45/45, 1/45, 99.3 %; zh
    # 44/45, 0/45, 98.0 %). blind24 (after round 19) en 41/45, 2/45, 91.3 %; zh 40/45, 3/45,
    # 90.0 % (after the fixes in test_blind_families.py: en 45/45, 2/45, 94.0 %; zh 45/45,
    # 3/45, 93.3 %). blind25 (start of the session, before round 20) en 44/45, 0/45, 96.0 %;
    # zh 43/45, 1/45, 92.7 %. blind26 (after round 20) en 44/45, 1/45, 94.0 %; zh 43/45,
    # 1/45, 93.3 % (after the fixes in test_blind_families.py, the floors below).
    # blind27 (after round 20 and those fixes) en 42/45, 3/45, 89.3 %; zh 41/45, 2/45,
    # 90.0 %; after round 21, given its families in the abstract: en 44/45, 0/45, 95.3 %;
    # zh 42/45, 1/45, 94.0 % (after test_blind_families.py, the floors below). blind28
    # (end of the session, after all of that) en 41/45, 2/45, 89.3 %; zh 45/45, 1/45,
    # 96.0 % (after test_blind_families.py: en 45/45, 2/45, 96.7 %).
    safety, neutral, accuracy = EVERY_ACTION_FLOORS[(locale, suffix)]
    assert report.hits["safety"] >= safety, report.misses
    assert report.totals["neutral"] - report.hits["neutral"] <= neutral, report.misses
    assert report.accuracy >= accuracy, report.misses
