"""The MCP server: BondMCP's health tools for AI assistants.

One registry (:func:`bondmcp.mcp.server.build_server`) of tools, resources and a prompt over the
same engine and services as the REST API, served two ways: Streamable HTTP at ``/mcp`` inside the
API server, behind the same API keys and rate limits (:mod:`bondmcp.mcp.http`), and stdio for
desktop clients through ``bondmcp mcp`` (:mod:`bondmcp.mcp.stdio`).
"""
