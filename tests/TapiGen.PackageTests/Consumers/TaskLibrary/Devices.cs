using Contoso.Tapi;
using Contoso.Tapi.Devices;

namespace Contoso.TaskLibrary
{
    /// <summary>Uses the enums the build task generated, in C# 7.3.</summary>
    public static class Devices
    {
        /// <summary>The devices' names, through the generated helper.</summary>
        /// <param name="devices">The devices.</param>
        /// <returns>Their names.</returns>
        public static string Describe(HookSwitchDevices devices) => devices.ToStringFast();

        /// <summary>Parses an address state by name.</summary>
        /// <param name="text">The name.</param>
        /// <param name="state">The state.</param>
        /// <returns>Whether the name is a member's.</returns>
        public static bool TryParseState(string text, out ADDRESS_STATE state) => ADDRESS_STATEExtensions.TryParse(text, out state);
    }
}
