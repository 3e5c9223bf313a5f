"""spaCy components that turn abstracts into typed mentions, roles and links.

Each extractor is a spaCy component in its own file, registered with
``@Language.factory("kg_...")``; :mod:`extractors.pipeline` assembles them.
"""

#: The extractors ``kg build --extractor`` offers (:data:`extractors.pipeline.EXTRACTORS`);
#: written here so that a command can name them without loading spaCy.
EXTRACTOR_NAMES = ("learned", "rules")
DEFAULT_EXTRACTOR = "learned"
