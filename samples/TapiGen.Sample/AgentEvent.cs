using System;
using System.Text.Json.Serialization;
using Contoso.Telephony.Tapi3;

namespace TapiGen.Sample
{
    /// <summary>
    /// One line of the agent and call event log. The TAPI enums read and write as their names through the
    /// converters TapiGen generated: no options, no reflection.
    /// </summary>
    public sealed class AgentEvent
    {
        /// <summary>When it happened.</summary>
        [JsonPropertyName("at")]
        public DateTimeOffset At { get; set; }

        /// <summary>The agent's login name.</summary>
        [JsonPropertyName("agent")]
        public string Agent { get; set; } = string.Empty;

        /// <summary>The session event, for session lines.</summary>
        [JsonPropertyName("sessionEvent")]
        public AGENT_SESSION_EVENT? SessionEvent { get; set; }

        /// <summary>The session state the event led to, for session lines.</summary>
        [JsonPropertyName("session")]
        public AGENT_SESSION_STATE? Session { get; set; }

        /// <summary>The call id, for call lines.</summary>
        [JsonPropertyName("call")]
        public int? Call { get; set; }

        /// <summary>The call's new state, for call lines.</summary>
        [JsonPropertyName("state")]
        public CALL_STATE? State { get; set; }

        /// <summary>Why the call changed state, for call lines.</summary>
        [JsonPropertyName("cause")]
        public CALL_STATE_EVENT_CAUSE? Cause { get; set; }
    }
}
