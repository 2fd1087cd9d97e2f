"""Dataset snapshots built from many run files: newest version of every article, several formats, a card."""
