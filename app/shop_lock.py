"""At most one window per shop file: a lock file beside the shop, and a request file through which
a second start of the program asks the window that holds the shop to come to the front.

Two windows on one shop would each show a view the other makes stale; the command line and the
forecast child may still write beside the window (the shop file's transactions and the edits'
checks keep that safe). No sockets: the holder looks for the request file twice a second.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

POLL_MS = 500  # how often the window holding a shop looks for a request to come forward
WAIT_SECONDS = 3.0  # how long a second start waits for the window to answer


def _key(shop_path: Path) -> str:
    return hashlib.sha256(str(shop_path.resolve()).encode("utf-8")).hexdigest()[:20]


def lock_paths(shop_path: Path) -> tuple[Path, Path]:
    """Where the lock file goes: beside the shop (seen by every program that can open the shop),
    else, when the shop's folder cannot be written, in the temporary folder."""
    return (shop_path.with_name(f".{shop_path.name}.lock"),
            Path(tempfile.gettempdir()) / f"bestellkompass-{_key(shop_path)}.lock")


class ShopLock(QObject):
    """The claim of one window on one shop file; released by `release` or when the process ends
    (a lock left by a crashed process is taken over)."""

    def __init__(self, shop_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shop_path = Path(shop_path)
        self.lock = self._lock_file(lock_paths(self.shop_path)[0])
        self.timer: QTimer | None = None

    @staticmethod
    def _lock_file(path: Path) -> QLockFile:
        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        return lock

    @property
    def request_path(self) -> Path:
        """The file a second start writes to ask the holder to come forward."""
        return Path(self.lock.fileName() + ".show")

    def acquire(self) -> bool:
        """Claim the shop; False if another running window holds it."""
        if self.lock.tryLock(0):
            return True
        if self.lock.error() == QLockFile.LockError.PermissionError:
            self.lock = self._lock_file(lock_paths(self.shop_path)[1])
            return bool(self.lock.tryLock(0))
        return False

    def holder(self) -> tuple[int, str, str] | None:
        """(process id, host name, program name) of the holder, if it can be read."""
        info = self.lock.getLockInfo()  # PySide6: (pid, host, app), or a falsy value
        if not info or len(info) != 3:
            return None
        pid, host, app = info
        return int(pid), str(host), str(app)

    def serve(self, on_show: Callable[[], None]) -> None:
        """Answer a second start's request to show the window (`on_show` brings it forward)."""
        self.request_path.unlink(missing_ok=True)  # an old request is not for this window
        if self.timer is not None:
            self.timer.stop()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(lambda: self._answer(on_show))
        self.timer.start()

    def _answer(self, on_show: Callable[[], None]) -> None:
        if self.request_path.exists():
            self.request_path.unlink(missing_ok=True)
            on_show()

    def ask_holder_to_show(self) -> bool:
        """Ask the window that holds the shop to come to the front; whether it answered."""
        try:
            self.request_path.write_text(str(os.getpid()), encoding="utf-8")
        except OSError:
            return False
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if not self.request_path.exists():
                return True
            time.sleep(0.05)
        self.request_path.unlink(missing_ok=True)
        return False

    def release(self) -> None:
        """Give the shop free for another window."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.lock.unlock()
