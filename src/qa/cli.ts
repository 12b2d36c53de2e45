// The qa verb: import a Q&A file, export a round, list and find similar questions (issue 5).
import { type Command, EXIT_USAGE } from "../platform/command.ts";

export const qaCommand: Command = {
  name: "qa",
  summary: "Questions and answers (Nota van Inlichtingen): import, export, list, similar",
  args: "<import FILE | export | list | similar>",
  options: {},
  async run(_input, io) {
    io.err("qa: not built yet");
    return EXIT_USAGE;
  },
};
