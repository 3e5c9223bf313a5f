"""spaCy components that turn abstracts into typed mentions, roles and links.

Each extractor is a spaCy component in its own file, registered with
``@Language.factory("kg_...")``; :mod:`extractors.pipeline` assembles them.
"""
