using Contoso.Tapi;
using Contoso.Tapi.Devices;

namespace Contoso.NetStandardLibrary
{
    /// <summary>Uses the generated enums in a public API.</summary>
    public static class Devices
    {
        /// <summary>The hook switch devices a desk phone usually has.</summary>
        public const HookSwitchDevices DeskPhone = HookSwitchDevices.PHSD_HANDSET | HookSwitchDevices.PHSD_SPEAKERPHONE;

        /// <summary>Whether an address can place calls.</summary>
        /// <param name="state">The address state.</param>
        /// <returns>True when the address is in service.</returns>
        public static bool CanCall(ADDRESS_STATE state) => state == ADDRESS_STATE.AS_INSERVICE;
    }
}
