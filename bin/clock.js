#!/usr/bin/env node
// The `clock` operator command: runs the TypeScript CLI through tsx, from any working folder.
import { register } from 'tsx/esm/api'

register()
await import(new URL('../src/cli/main.ts', import.meta.url).href)
