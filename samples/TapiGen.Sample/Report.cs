using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Contoso.Telephony.Tapi3;

namespace TapiGen.Sample
{
    /// <summary>
    /// Turns events into the report: session time per state, call transitions, and a timeline described with the first
    /// sentence of each value's documentation, wrapped to <see cref="ConsoleText.Width"/> columns.
    /// </summary>
    public static class Report
    {
        /// <summary>Writes the report for <paramref name="events"/> (in log order).</summary>
        /// <param name="output">Where to write.</param>
        /// <param name="events">The events read from the log.</param>
        /// <param name="only">When set, the timeline lists only call events that lead to this state.</param>
        public static void Write(TextWriter output, IReadOnlyList<AgentEvent> events, CALL_STATE? only)
        {
            foreach (var agent in events.GroupBy(e => e.Agent).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine("Agent " + agent.Key);
                output.WriteLine("  time per session state:");
                foreach (var (state, time) in TimePerState(agent))
                {
                    ConsoleText.WriteWrapped(output, $"    {state.ToStringFast(),-20} {time:hh\\:mm\\:ss}  ", ConsoleText.FirstSentence(state.GetDescription()));
                }

                output.WriteLine("  call state transitions:");
                foreach (var (transition, count) in Transitions(agent))
                {
                    output.WriteLine($"    {transition,-34} x{count.ToString(CultureInfo.InvariantCulture)}");
                }

                output.WriteLine();
            }

            output.WriteLine(only is null ? "Timeline:" : "Timeline (calls reaching " + only.Value.ToStringFast() + "):");
            foreach (AgentEvent e in events)
            {
                if (only is not null && e.State != only)
                {
                    continue;
                }

                string when = e.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                if (e.SessionEvent is AGENT_SESSION_EVENT se)
                {
                    ConsoleText.WriteWrapped(output, $"  {when} {e.Agent,-6} {se.ToStringFast(),-24} ", ConsoleText.FirstSentence(se.GetDescription()));
                }
                else if (e.State is CALL_STATE cs)
                {
                    // First sentences: "See the table of valid call state transitions below." means nothing here.
                    string cause = e.Cause is CALL_STATE_EVENT_CAUSE c && c != CALL_STATE_EVENT_CAUSE.CEC_NONE ? " Cause: " + ConsoleText.FirstSentence(c.GetDescription()) : string.Empty;
                    ConsoleText.WriteWrapped(output, $"  {when} {e.Agent,-6} call {e.Call} {cs.ToStringFast(),-15} ", ConsoleText.FirstSentence(cs.GetDescription()) + cause);
                }
            }
        }

        /// <summary>Time between consecutive session-state changes, summed per state.</summary>
        private static IEnumerable<(AGENT_SESSION_STATE State, TimeSpan Time)> TimePerState(IEnumerable<AgentEvent> events)
        {
            var totals = new Dictionary<AGENT_SESSION_STATE, TimeSpan>();
            (AGENT_SESSION_STATE State, DateTimeOffset Since)? current = null;
            foreach (AgentEvent e in events.Where(e => e.Session is not null))
            {
                if (current is { } c)
                {
                    totals[c.State] = totals.TryGetValue(c.State, out TimeSpan t) ? t + (e.At - c.Since) : e.At - c.Since;
                }

                current = (e.Session!.Value, e.At);
            }

            return totals.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value));
        }

        /// <summary>"CS_OFFERING -> CS_CONNECTED" and how often, per call, from the call's first state.</summary>
        private static IEnumerable<(string Transition, int Count)> Transitions(IEnumerable<AgentEvent> events)
        {
            var last = new Dictionary<int, CALL_STATE>();
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (AgentEvent e in events.Where(e => e.Call is not null && e.State is not null))
            {
                int call = e.Call!.Value;
                CALL_STATE state = e.State!.Value;
                if (last.TryGetValue(call, out CALL_STATE previous))
                {
                    string key = previous.ToStringFast() + " -> " + state.ToStringFast();
                    counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;
                }

                last[call] = state;
            }

            return counts.Select(kv => (kv.Key, kv.Value));
        }
    }
}
