from bondmcp.cli import main

main()
