"""The one error type for bad user input: a single line naming the file and the place in it."""


class InputError(ValueError):
    """Input that cannot be read faithfully; the command line prints it and exits non-zero."""

    def __init__(self, path, message: str, where: str = "") -> None:
        self.path, self.where, self.message = str(path), where, message
        place = f"{self.path}, {where}" if where else self.path
        super().__init__(f"{place}: {message}")
