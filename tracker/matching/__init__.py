"""The evidence matcher, split by job; :mod:`tracker.match` is its public face.

* :mod:`~tracker.matching.text` -- tokens, crude stems, sentences, dates in text;
* :mod:`~tracker.matching.lexicon` -- general word lists (cues, verb classes);
* :mod:`~tracker.matching.profile` -- a commitment read once (actor, action, object, targets);
* :mod:`~tracker.matching.reading` -- an item read once (events, tense, negation, cues);
* :mod:`~tracker.matching.scoring` -- one item against one commitment -> :class:`Match`;
* :mod:`~tracker.matching.index` -- the inverted index that picks candidates.
"""
