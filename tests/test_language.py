

def test_a_clock_time_runs_on_into_its_time_zone() -> None:
    from tracker.matching.text import sentences

    text = "Norland left the union at 11 p.m. Dellan time, ten months late. Doors open at 9 a.m. Tickets are gone."
    assert sentences(text) == ["Norland left the union at 11 p.m. Dellan time, ten months late.",
                               "Doors open at 9 a.m.", "Tickets are gone."]
