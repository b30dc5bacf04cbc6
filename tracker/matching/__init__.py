"""The evidence matcher, split by job; :mod:`tracker.match` is its public face.

* :mod:`~tracker.matching.text` -- tokens, crude stems, sentences, dates in text;
* :mod:`~tracker.matching.lexicon` -- general English as data (``lexicon.toml``: act verbs and their
  report forms, cancellation, delay and hedge wording, noun synonyms; users add synonyms);
* :mod:`~tracker.matching.profile` -- a commitment read once (actor, action, object, targets);
* :mod:`~tracker.matching.reading` -- an item read once (events, tense, negation, cues);
* :mod:`~tracker.matching.scoring` -- one item against one commitment -> :class:`Match`, and
  whether it may decide a verdict unseen (:func:`~tracker.matching.model.evidence_state`);
* :mod:`~tracker.matching.index` -- the inverted index that picks candidates.
"""
