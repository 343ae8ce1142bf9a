#!/usr/bin/env python3
"""A plain Facebook JSON importer: the peer scripts/benchmark.sh measures conduct-audit against.

    python3 scripts/facebook_json_import.py EXPORT.zip DATABASE.sqlite

Reads a Facebook "Download your information" JSON export (a zip) the simple way, with the
standard library only: every Messenger thread (`messages/**/message_N.json`), the posts
(`posts/*.json`) and the friends list, each file parsed whole with `json`; Meta's mojibake
repaired (text is UTF-8 bytes written as `\\u00XX` escapes, so each string is re-encoded as
Latin-1 and decoded as UTF-8); rows written with `sqlite3` `executemany` in one transaction; an
FTS5 index over the text rebuilt once after the load. Prints the number of rows.
"""
import json
import re
import sqlite3
import sys
import zipfile

MESSAGE_FILE = re.compile(r"(^|/)messages/[^/]+/[^/]+/message_\d+\.json$")
POSTS_FILE = re.compile(r"(^|/)posts/[^/]*\.json$")
FRIENDS_FILE = re.compile(r"(^|/)friends/your_friends\.json$")


def repair(text):
    """Meta's mojibake repaired: UTF-8 bytes that were read as Latin-1, read as UTF-8 again."""
    if not text or text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def rows_of(name, document):
    """(kind, file, conversation, sender, seconds, text) rows of one export file."""
    if MESSAGE_FILE.search(name):
        thread = repair(document.get("title", ""))
        for message in document.get("messages", []):
            yield ("message", name, thread, repair(message.get("sender_name", "")),
                   message.get("timestamp_ms", 0) / 1000, repair(message.get("content")))
    elif POSTS_FILE.search(name):
        for post in document if isinstance(document, list) else []:
            texts = [entry["post"] for entry in post.get("data", []) if "post" in entry]
            yield ("post", name, None, None, post.get("timestamp", 0),
                   repair(" ".join(texts)) or repair(post.get("title")))
    elif FRIENDS_FILE.search(name):
        for friend in document.get("friends_v2", []):
            yield ("friend", name, None, repair(friend.get("name")), friend.get("timestamp", 0), None)


def main(export, database):
    connection = sqlite3.connect(database)
    connection.executescript(
        """
        DROP TABLE IF EXISTS item;
        DROP TABLE IF EXISTS item_fts;
        CREATE TABLE item (id INTEGER PRIMARY KEY, kind TEXT, file TEXT, conversation TEXT,
                           sender TEXT, seconds REAL, text TEXT);
        CREATE VIRTUAL TABLE item_fts USING fts5(text, content='item', content_rowid='id');
        """
    )
    count = 0
    with zipfile.ZipFile(export) as archive, connection:
        for name in archive.namelist():
            if not name.endswith(".json"):
                continue
            document = json.loads(archive.read(name))
            rows = list(rows_of(name, document))
            connection.executemany(
                "INSERT INTO item (kind, file, conversation, sender, seconds, text) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            count += len(rows)
        connection.execute("INSERT INTO item_fts (item_fts) VALUES ('rebuild')")
    connection.close()
    print(count)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
