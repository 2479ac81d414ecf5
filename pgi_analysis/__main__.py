from pgi_analysis.cli import main

raise SystemExit(main())
