"""The spaCy pipeline: loading it, the coach factories, sentence features and the JSON models they run."""
