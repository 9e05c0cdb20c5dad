using Xunit;

namespace TapiGen.Tests.Helpers
{
    /// <summary>The helper test classes share one compiled <see cref="HelpersFixture"/> (it takes seconds to build).</summary>
    [CollectionDefinition(Name)]
    public sealed class HelpersCollection : ICollectionFixture<HelpersFixture>
    {
        public const string Name = "Helpers";
    }
}
