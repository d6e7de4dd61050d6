"""``gisdesk sample-data``: write the seeded Gorontalo sample city to a GeoPackage."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from gisdesk.cli import UserError
from gisdesk.i18n import translate

_CTX = "SampleDataCommand"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``sample-data`` subcommand."""
    parser = sub.add_parser(
        "sample-data",
        help=translate("SampleDataCommand", "generate the Gorontalo sample city as a GeoPackage"),
        description=translate(
            "SampleDataCommand",
            "Write a deterministic Gorontalo-like city (roads, buildings, water network, "
            "drains, streetlights, kelurahan, inspections) matching the layer definitions. "
            "Scale 1 is about 10 000 buildings, scale 100 about a million.",
        ),
    )
    parser.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                        help=translate("SampleDataCommand",
                            "folder to write into (default: current folder)"))
    parser.add_argument("--scale", type=float, default=1.0, metavar="N",
                        help=translate("SampleDataCommand",
                            "size of the city; 1 ≈ 10 000 buildings"))
    parser.add_argument("--seed", type=int, default=None, metavar="S",
                        help=translate("SampleDataCommand",
                            "random seed (same seed and scale, same city)"))
    parser.add_argument("--name", default=None,
                        help=translate("SampleDataCommand",
                            "file name (default: gorontalo_sample.gpkg for "
                                       "scale 1, gorontalo_scale<N>.gpkg otherwise)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Generate the city, printing one line per layer written."""
    from gisdesk.sampledata import (  # here, not at the top: numpy/shapely stay out of --help
        DEFAULT_SEED,
        default_file_name,
        generate_city,
    )

    if not args.scale > 0:
        raise UserError(translate("SampleDataCommand", "--scale must be greater than 0"))
    if args.out.exists() and not args.out.is_dir():
        raise UserError(translate("SampleDataCommand",
            "--out must be a folder: {path}").format(path=args.out))
    name = args.name or default_file_name(args.scale)
    if not name.lower().endswith(".gpkg"):
        name += ".gpkg"
    target = args.out / name
    seed = DEFAULT_SEED if args.seed is None else args.seed

    def report(layer: str, count: int, seconds: float) -> None:
        print(f"  {layer:<22} {count:>10,} {seconds:8.2f} s", flush=True)

    print(translate("SampleDataCommand",
        "Generating scale {scale:g} (seed {seed}) into {path}").format(
        scale=args.scale, seed=seed, path=target), flush=True)
    started = time.perf_counter()
    path = generate_city(target, scale=args.scale, seed=seed, progress=report)
    size_mb = path.stat().st_size / 1e6
    print(translate("SampleDataCommand", "Wrote {path} ({size:.1f} MB) in {seconds:.1f} s").format(
        path=path, size=size_mb, seconds=time.perf_counter() - started), file=sys.stdout)
    return 0
