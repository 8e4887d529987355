"""Where the class store is: $SCENARIO_TUI_CLASS_URL, else the file `class join` wrote.

The file holds a password, so it is written 0600 (made so before a byte goes in, then moved
into place) and a file others can read is refused rather than used. It lives in the user's
config dir, or in `--data-dir` / $SCENARIO_TUI_DATA_DIR when one is chosen, so a served
learner's folder (`play.learners`) holds that learner's class. A join code carries the
connection (with the learner's password) from `class add-learner` to `class join`: it is as
secret as a password, and shown only once.
"""

from __future__ import annotations

import base64
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .data_dirs import APP_NAME, chosen_dir
from .store_errors import StoreUnavailable

URL_VARIABLE = "SCENARIO_TUI_CLASS_URL"
"""A connection URL (postgresql://user:password@host:port/db) that overrides the file."""
CONFIG_NAME = "class.json"
JOIN_PREFIX = "stc1-"


class ClassConfigError(StoreUnavailable):
    """No class is set up, or its file is unsafe or unreadable."""


class NoClass(ClassConfigError):
    """No class is set up: no URL in the environment, no class file."""


@dataclass(frozen=True)
class ClassLink:
    """How to reach the class store, as whom."""

    url: str
    """A libpq connection string: postgresql:// URL or key=value pairs."""
    class_id: str = ""
    learner: str = ""
    """The learner's name as the instructor gave it ("" for an instructor's URL)."""


def config_path(data: str | Path | None = None) -> Path:
    chosen = chosen_dir(data)
    if chosen is not None:
        return chosen / CONFIG_NAME
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME


def load(data: str | Path | None = None, *, environment: bool = True) -> ClassLink:
    """The class store to use: the environment's URL (unless told not to: a served learner's
    class is their own file's), else the joined class's file."""
    url = os.environ.get(URL_VARIABLE, "").strip() if environment else ""
    if url:
        return ClassLink(url)
    path = config_path(data)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise NoClass(f"no class is set up: run `scenario-tui class join CODE`, or "
                               f"set ${URL_VARIABLE}") from None
    except OSError as error:
        raise ClassConfigError(f"{path} cannot be read: {error.strerror}") from error
    if status.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ClassConfigError(f"{path} holds a password but others may read it: "
                               f"chmod 600 {path}")
    try:
        data_read = json.loads(path.read_text(encoding="utf-8"))
        return ClassLink(str(data_read["url"]), str(data_read.get("class_id", "")),
                         str(data_read.get("learner", "")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ClassConfigError(f"{path} is not a class file written by scenario-tui") from error


def save(link: ClassLink, data: str | Path | None = None) -> Path:
    """Write the file `load` reads, 0600 from its first byte."""
    path = config_path(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # O_CREAT's mode leaves an existing file's as it was
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump({"url": link.url, "class_id": link.class_id, "learner": link.learner},
                      file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(fresh, path)
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    return path


def learner_url(instructor_url: str, role: str, password: str) -> str:
    """The instructor's connection (host, port, database, TLS settings) as another login, as
    libpq key=value pairs."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    parts = {k: str(v) for k, v in conninfo_to_dict(instructor_url).items() if v is not None}
    parts.update(user=role, password=password)
    return make_conninfo(**parts)


def join_code(link: ClassLink) -> str:
    """A code that carries `link` to the learner's machine (it holds their password)."""
    payload = json.dumps({"url": link.url, "class_id": link.class_id, "learner": link.learner})
    return JOIN_PREFIX + base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def read_join_code(code: str) -> ClassLink:
    """The link in a join code; `ClassConfigError` for a code that is not one."""
    text = code.strip()
    if not text.startswith(JOIN_PREFIX):
        raise ClassConfigError(f"a join code starts with {JOIN_PREFIX}")
    body = text.removeprefix(JOIN_PREFIX)
    try:
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        link = ClassLink(data["url"], data["class_id"], data["learner"])
    except (ValueError, KeyError, TypeError) as error:
        raise ClassConfigError("this join code is damaged: copy it again, whole") from error
    if not all(isinstance(v, str) for v in (link.url, link.class_id, link.learner)):
        raise ClassConfigError("this join code is damaged: copy it again, whole")
    from psycopg.conninfo import conninfo_to_dict

    try:
        login = conninfo_to_dict(link.url).get("user")
    except Exception as error:  # psycopg.ProgrammingError: not a connection string
        raise ClassConfigError("this join code is damaged: copy it again, whole") from error
    if not login:
        raise ClassConfigError("this join code has no learner's login in it: ask your "
                               "instructor for the code `class add-learner` printed")
    return link
