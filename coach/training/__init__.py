"""Learning from the corpus: loading it, `coach train`, `coach eval`, metrics and the model card."""
