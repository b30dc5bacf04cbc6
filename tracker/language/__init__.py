"""The one English layer the extractor and the matcher share.

* :mod:`tracker.language.words`: how common an English word is (a capitalised word that is not a
  common word is a name), read from wordfreq's frequency lists;
* :mod:`tracker.language.sentences`: sentence splitting with offsets, quotations and attributions;
* :mod:`tracker.language.calendar`: month and weekday names (the deadline reader, the event
  finder and the matcher read them from here);
* :mod:`tracker.language.governments`: countries and how English news names their governments.

Still apart, to merge next: the matcher's own tokeniser, stemmer and irregular-verb table
(:mod:`tracker.matching.text`) and the extractor's verb forms (:mod:`tracker.extract.canonical`).

Word lists here are justified by the language, never by a labelled case.
"""
