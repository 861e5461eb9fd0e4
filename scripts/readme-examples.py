#!/usr/bin/env python3
"""Rewrites the output under each `$ tillit ...` line of the README's "Examples (real output)"
section with what the release binary prints now (CLITests.readmeExamples checks them).

Run after retraining the model or editing a lexicon: scripts/readme-examples.py
"""
import os, re, subprocess
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, capture_output=True, text=True).stdout.strip() + "/tillit"
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
head, rest = readme.split("## Examples (real output)", 1)
section, tail = rest.split("## Commands", 1)

def output(command):
    shell = command.replace("tillit ", binary + " ", 1)
    if "--format" not in command and command.startswith("tillit score"):
        shell += " --format table"   # what a terminal gets
    return subprocess.run(shell, shell=True, cwd=root, capture_output=True, text=True).stdout

def block(m):
    lines = m.group(1).split("\n")
    out, i = [], 0
    while i < len(lines):
        if lines[i].startswith("$ "):
            cmd = lines[i][2:]
            out.append(lines[i])
            shown = output(cmd).rstrip("\n").split("\n")
            if cmd == "tillit score Corpus/001_1bb6f32811f21775.txt":
                shown = shown[:4] + ["  …"] + [l for l in shown if l.startswith(("  label", "  net", "  row", "  principles")) or re.match(r"  \d [a-zå]", l)]
            out += shown
            i += 1
            while i < len(lines) and not lines[i].startswith("$ "):
                if lines[i] == "" and i + 1 < len(lines) and lines[i + 1].startswith("$ "):
                    out.append("")
                i += 1
        else:
            out.append(lines[i]); i += 1
    return "```\n" + "\n".join(out).rstrip("\n") + "\n```"

section = re.sub(r"```\n(.*?)\n```", block, section, flags=re.S)
open(os.path.join(root, "README.md"), "w", encoding="utf-8").write(head + "## Examples (real output)" + section + "## Commands" + tail)
