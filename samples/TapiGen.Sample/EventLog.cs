using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace TapiGen.Sample
{
    /// <summary>
    /// Reads a JSON-lines event log; a bad line is reported with its number and skipped, never the rest.
    /// The enums use TapiGen's converters; the class around them uses System.Text.Json's reflection-based serializer,
    /// because STJ's own source generator cannot see types another generator produced (see README, Known limitations).
    /// </summary>
    public static class EventLog
    {
        /// <summary>The events that could be read, and a message for each line that could not.</summary>
        public static (List<AgentEvent> Events, List<string> Problems) Read(TextReader reader)
        {
            var events = new List<AgentEvent>();
            var problems = new List<string>();
            int number = 0;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                number++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                try
                {
                    AgentEvent? e = JsonSerializer.Deserialize<AgentEvent>(line);
                    if (e is null || e.Agent.Length == 0)
                    {
                        problems.Add($"line {number}: no agent");
                        continue;
                    }

                    events.Add(e);
                }
                catch (JsonException ex)
                {
                    // The generated converters only ever throw JsonException, with the enum and the text in the message;
                    // System.Text.Json's own messages go on about positions in the line, after the first sentence.
                    problems.Add($"line {number}: {ConsoleText.FirstSentence(ex.Message)}");
                }
            }

            return (events, problems);
        }
    }
}
