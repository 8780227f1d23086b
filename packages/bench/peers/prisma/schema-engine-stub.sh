#!/bin/sh
# `prisma generate` wants a schema engine binary and would download one (unreachable here); it
# never runs it for generate. This stand-in makes any actual use fail loudly.
echo "bench peer: no Prisma schema engine here (only prisma generate is supported)" >&2
exit 1
