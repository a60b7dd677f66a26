"""Settings: layering (defaults < file < environment < flags) and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from lookup_server.errors import ConfigError
from lookup_server.settings import DEFAULT_LISTEN, load_settings, split_host_port


def test_defaults_are_the_embedded_loopback_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTICE_LOOKUP_DATABASE_URL", raising=False)
    monkeypatch.delenv("NOTICE_LOOKUP_LISTEN", raising=False)
    settings = load_settings()
    assert settings.listen == DEFAULT_LISTEN == "127.0.0.1:50051"
    assert settings.database_url.startswith("sqlite:///")


def test_layering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(
        'database_url = "postgresql://file/db"\nlisten = "127.0.0.1:7000"\n'
        "[matching]\nhit_threshold = 0.93\ncandidate_limit = 50\n"
    )
    monkeypatch.setenv("NOTICE_LOOKUP_LISTEN", "127.0.0.1:7001")
    monkeypatch.setenv("NOTICE_LOOKUP_MATCHING__CANDIDATE_LIMIT", "60")
    settings = load_settings(config, listen=None, database_url="sqlite:///flag.db")
    assert settings.database_url == "sqlite:///flag.db"  # flag beats file
    assert settings.listen == "127.0.0.1:7001"  # environment beats file; unset flag ignored
    assert settings.matching.hit_threshold == 0.93  # from the file
    assert settings.matching.candidate_limit == 60  # environment beats file


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"database_url": "mysql://x"}, "database_url"),
        ({"listen": "nowhere"}, "listen"),
        ({"listen": "0.0.0.0:50051"}, "not loopback"),
        ({"log_level": "loud"}, "log_level"),
        ({"redis_url": "http://cache:6379"}, "redis_url: .*must start with redis://"),
        ({"redis_url": "redis://127.0.0.1:6390/0"}, "cache.secret_file"),
        ({"cache": {"feed_poll_s": 5}}, "cache.feed_poll_s"),
        ({"replica_urls": ["sqlite:///r.db"]}, "replica_urls"),
        ({"replica_urls": ["postgresql://r/db"]}, "need a PostgreSQL database_url"),
        ({"failover": {"attempt_timeout_s": 0}}, "failover.attempt_timeout_s"),
        ({"failover": {"retry_attempts": 0}}, "failover.retry_attempts"),
    ],
)
def test_invalid_settings_name_the_setting(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(**overrides)


def test_invalid_file_values_and_unknown_keys(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[matching]\nhit_threshold = 0.5\npossible_threshold = 0.8\n")
    with pytest.raises(ConfigError, match="possible_threshold must not exceed"):
        load_settings(config)
    config.write_text("colour = 'red'\n")
    with pytest.raises(ConfigError, match="colour"):
        load_settings(config)
    config.write_text("this is not toml")
    with pytest.raises(ConfigError, match=str(config)):
        load_settings(config)
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "absent.toml")


def test_remote_plaintext_needs_an_explicit_opt_in() -> None:
    settings = load_settings(listen="0.0.0.0:50051", allow_insecure_remote=True)
    assert settings.listen_host_port == ("0.0.0.0", 50051)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("127.0.0.1:1", ("127.0.0.1", 1)),
        ("[::1]:50051", ("::1", 50051)),
        ("localhost:0", ("localhost", 0)),
    ],
)
def test_split_host_port(text: str, expected: tuple[str, int]) -> None:
    assert split_host_port(text) == expected


def test_redis_with_a_secret_and_sentinel_urls_are_accepted(tmp_path: Path) -> None:
    secret = tmp_path / "cache.secret"
    settings = load_settings(
        redis_url="redis+sentinel://10.0.0.1:26379,10.0.0.2:26379/lookup-cache",
        cache={"secret_file": secret},
    )
    assert settings.redis_url is not None
    assert settings.cache.secret_file == secret


def test_cache_secret_file_is_checked_at_start(tmp_path: Path) -> None:
    from lookup_server.app import read_cache_secret

    missing = load_settings(cache={"secret_file": tmp_path / "absent"})
    with pytest.raises(ConfigError, match=r"cache\.secret_file"):
        read_cache_secret(missing)
    short = tmp_path / "short"
    short.write_text("too short\n")
    with pytest.raises(ConfigError, match="at least 32 bytes"):
        read_cache_secret(load_settings(cache={"secret_file": short}))
    good = tmp_path / "good"
    good.write_text("k" * 40 + "\n")
    assert read_cache_secret(load_settings(cache={"secret_file": good})) == b"k" * 40


def test_replicas_from_flags_and_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    primary = "postgresql://lookup@db1:5432/notices"
    monkeypatch.setenv(
        "NOTICE_LOOKUP_REPLICA_URLS",
        "postgresql://lookup@db2:5432/notices, postgresql://lookup@db3:5432/notices",
    )
    monkeypatch.setenv("NOTICE_LOOKUP_LOCAL_COPY", str(tmp_path / "copy.db"))
    from_env = load_settings(database_url=primary)
    assert from_env.replica_urls == [
        "postgresql://lookup@db2:5432/notices",
        "postgresql://lookup@db3:5432/notices",
    ]
    assert from_env.local_copy == tmp_path / "copy.db"
    from_flags = load_settings(database_url=primary, replica_urls=["postgresql://x@db4/n"])
    assert from_flags.replica_urls == ["postgresql://x@db4/n"]  # flags win
