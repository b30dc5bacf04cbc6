

def test_a_clock_time_runs_on_into_its_time_zone() -> None:
    from tracker.matching.text import sentences

    text = "Norland left the union at 11 p.m. Dellan time, ten months late. Doors open at 9 a.m. Tickets are gone."
    assert sentences(text) == ["Norland left the union at 11 p.m. Dellan time, ten months late.",
                               "Doors open at 9 a.m.", "Tickets are gone."]


def test_a_letter_naming_a_series_ends_a_sentence_an_initial_does_not() -> None:
    from tracker.language.sentences import split_sentences

    got = [s.text for s in split_sentences("We showed our next console, the Vantor Series X. Vantor Series X will "
                                           "arrive in 2027. Ada B. Brennan said so.")]
    assert got == ["We showed our next console, the Vantor Series X.", "Vantor Series X will arrive in 2027.",
                   "Ada B. Brennan said so."]
