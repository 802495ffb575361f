"""The Rasa edge: everything the app needs to train, run and talk to Rasa over HTTP.

The app never imports ``rasa`` (it lives in ``.venv-rasa``); these modules run it as
subprocesses and speak its HTTP API.

* :mod:`~bot.dialogue.client` - async client: set slots, send a line, read intent and slots.
* :mod:`~bot.dialogue.server` - start/stop the Rasa server and the action server per locale.
* :mod:`~bot.dialogue.training` - content-hashed models, ``rasa data validate``, ``rasa train``.
* :mod:`~bot.dialogue.storytest` - ``rasa test core`` on the test stories.
* :mod:`~bot.dialogue.lint` - ``path:line`` problems in ``dialogues/`` and ``scripts_library/``.
* :mod:`~bot.dialogue.responses` - every line an account could hear (TTS prerender).
* :mod:`~bot.dialogue.amounts`, :mod:`~bot.dialogue.dates`, :mod:`~bot.dialogue.numerals` -
  pure parsers for what callers say about money and dates (en, zh).

Submodules are imported on use: the action server loads only the parsers.
"""
