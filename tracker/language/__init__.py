"""The one English layer the extractor and the matcher share.

* :mod:`tracker.language.words`: how common an English word is (a capitalised word that is not a
  common word is a name), read from wordfreq's frequency lists;
* :mod:`tracker.language.sentences`: sentence splitting with offsets, quotations and attributions;
* :mod:`tracker.language.calendar`: month and weekday names.

Word lists here are justified by the language, never by a labelled case.
"""
