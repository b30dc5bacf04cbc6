"""Configuration: precedence, checked keys and types, masked passwords."""

from __future__ import annotations

import pytest

from tracker.config import load_config, mask_url
from tracker.errors import ConfigError


def write(tmp_path, body: str, name: str = "tracker.toml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_defaults_without_any_file():
    cfg = load_config(environ={})
    assert cfg.database.url == "sqlite:///tracker.db"
    assert cfg.status.grace_days == 30 and cfg.source == "defaults"


def test_precedence_flag_over_env_over_file(tmp_path):
    path = write(tmp_path, '[database]\nurl = "sqlite:///from-file.db"\n[status]\ngrace_days = 10\n')
    assert load_config(path, environ={}).database.url == "sqlite:///from-file.db"
    env = {"TRACKER_DATABASE_URL": "sqlite:///from-env.db"}
    assert load_config(path, environ=env).database.url == "sqlite:///from-env.db"
    cfg = load_config(path, environ=env, database_url="sqlite:///from-flag.db")
    assert cfg.database.url == "sqlite:///from-flag.db"
    assert cfg.status.grace_days == 10  # other file keys still apply


def test_tracker_config_env_names_the_file(tmp_path):
    path = write(tmp_path, "[status]\ndue_soon_days = 7\n", "elsewhere.toml")
    assert load_config(environ={"TRACKER_CONFIG": str(path)}).status.due_soon_days == 7


def test_tracker_toml_in_current_directory_is_used(tmp_path):
    write(tmp_path, "[status]\ndue_soon_days = 3\n")
    assert load_config(environ={}).status.due_soon_days == 3


@pytest.mark.parametrize("body,expected", [
    ("[status]\ngrace_dayz = 3\n", "unknown config key 'status.grace_dayz': did you mean 'status.grace_days'?"),
    ("[databse]\nurl = 'sqlite:///x.db'\n", "did you mean 'database'?"),
    ("[status]\ngrace_days = 'ten'\n", "status.grace_days: expected an integer, got a string 'ten'"),
    ("[status]\nauto_accept = true\n", "status.auto_accept: expected a number, got a boolean"),
    ("[[feeds]]\nname = 'no url'\n", "feeds[0].url is missing"),
    ("[[feeds]]\nurl = 'https://example.org/f.xml'\nrole = 'gossip'\n", "feeds[0].role 'gossip' is invalid"),
    ("[database]\nurl = 'mysql://u:pw@h/db'\n", "unsupported database 'mysql'"),
    ("[database]\nurl = 'not a url'\n", "database.url: 'not a url' is not a database URL"),
    ("this is = = not toml", "not valid TOML"),
    ("[fetch]\nparse_processes = -1\n", "fetch.parse_processes must be 0 (parse in-process) or more"),
    ("[matching]\nsynonyms = ['kiosk']\n", "matching.synonyms[0] 'kiosk' needs at least two words"),
    ("[matching]\nsynonyms = 'kiosk booth'\n", "matching.synonyms: expected a list, got a string"),
])
def test_bad_config_is_one_line_naming_the_key(tmp_path, body, expected):
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as err:
        load_config(path, environ={})
    assert expected in str(err.value)
    assert "\n" not in str(err.value)


def test_matching_synonyms_are_read_as_groups(tmp_path):
    path = write(tmp_path, '[matching]\nsynonyms = ["kiosk booth stall", "lido pool"]\n')
    assert load_config(path, environ={}).matching.synonyms == ["kiosk booth stall", "lido pool"]


def test_missing_config_file_says_what_to_do(tmp_path):
    with pytest.raises(ConfigError, match="tracker init"):
        load_config(tmp_path / "nope.toml", environ={})


def test_passwords_are_masked_in_messages(tmp_path):
    url = "postgresql://editor:s3cret@db.example.org/tracker"
    assert "s3cret" not in mask_url(url)
    with pytest.raises(ConfigError) as err:
        load_config(environ={"TRACKER_DATABASE_URL": "oracle://editor:s3cret@db.example.org/x"})
    assert "s3cret" not in str(err.value) and "***" in str(err.value)


def test_postgres_url_gets_the_installed_driver():
    cfg = load_config(environ={}, database_url="postgresql://u@localhost/db")
    assert cfg.database.url.startswith("postgresql+psycopg://")


def test_example_config_documents_every_key_and_loads():
    import dataclasses
    import re
    import tomllib
    from pathlib import Path

    from tracker.config import Config
    from tracker.extract.deadlines import DeadlineConventions

    text = (Path(__file__).resolve().parent.parent / "config.example.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for section in dataclasses.fields(Config):
        if section.name in ("source", "feeds", "deadlines"):
            continue
        assert section.name in data, f"[{section.name}] missing from config.example.toml"
        hint = Config.__dataclass_fields__[section.name].default_factory().__class__
        for field in dataclasses.fields(hint):
            assert field.name in data[section.name], f"{section.name}.{field.name} undocumented"
    assert "[[feeds]]" in text
    documented = set(re.findall(r"^# (\w+) = ", text[text.index("[deadlines]"):], re.M))
    assert documented == {f.name for f in dataclasses.fields(DeadlineConventions)}
    path = Path("example.toml")
    path.write_text(text, encoding="utf-8")
    assert load_config(path, environ={}).status.auto_accept == 0.70


def test_deadline_conventions_are_checked_at_load(tmp_path):
    path = write(tmp_path, "[deadlines]\nfew_monthz = [3, 6]\n")
    with pytest.raises(ConfigError, match="deadlines.few_monthz"):
        load_config(path, environ={})


@pytest.mark.parametrize("url", [
    "sqlite:///tracker.db", "sqlite:////srv/tracker/data-1/t.db", "sqlite:///../shared/v2.0_~x.db",
    "sqlite:///a@b:c.db", "sqlite:///:memory:", "sqlite:///%41.db", "sqlite:///x#y.db", "sqlite:///p a.db",
    "sqlite:///süd.db", "sqlite:///C:\\data\\t.db", "sqlite:///t.db?mode=ro", "sqlite+pysqlite:///t.db",
    "postgresql://u@localhost/db",
])
def test_plain_sqlite_urls_are_checked_as_sqlalchemy_checks_them(url):
    """The quick check of sqlite:///PATH gives exactly what SQLAlchemy's parser would."""
    from tracker.config import _normalize_parsed_url, normalize_database_url

    assert normalize_database_url(url) == _normalize_parsed_url(url, "database.url")
