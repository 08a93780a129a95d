"""How a numbered paragraph of the guidance is named, wherever the build names one (its link
and copy button in the post-pass, the paragraph sheet for trainers in the pre-pass)."""


def para_label(label: str) -> str:
    """ "paragraph 7" for a number, else the paragraph's own label ("Question 1")."""
    return f"paragraph {label}" if label.isdigit() else label
