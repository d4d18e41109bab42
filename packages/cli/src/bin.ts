#!/usr/bin/env node
/**
 * The `grenzeloos` executable.
 *
 * @since 0.1.0
 */
import { main } from "./cli/Cli.js"

void main()
