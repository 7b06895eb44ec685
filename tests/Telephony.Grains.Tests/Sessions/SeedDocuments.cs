using Telephony.Testing;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>The Evo Voice seed documents, read from <c>../shared/seeds</c> beside the repository at test time.</summary>
internal static class SeedDocuments
{
    /// <summary>HoldSession, TypeScript DTOs (fields always declared).</summary>
    public const string HoldSession = "001_3d8a4a1dfdd027d7.txt";

    /// <summary>AddConferenceMember, TypeScript DTOs (fields declared optional).</summary>
    public const string AddConferenceMember = "002_1181d9f4521bbe85.txt";

    /// <summary>InviteChatMember, F# DTOs.</summary>
    public const string InviteChatMember = "004_f1f9f43b43923401.txt";

    private static readonly Lazy<string> SeedsDirectory = new(FindSeedsDirectory);

    /// <summary>The contract one seed document declares.</summary>
    public static SeedContract Load(string file)
    {
        var text = File.ReadAllText(Path.Combine(SeedsDirectory.Value, file)).ReplaceLineEndings("\n");
        return file == InviteChatMember ? SeedContract.FromFSharp(text) : SeedContract.FromTypeScript(text);
    }

    private static string FindSeedsDirectory()
    {
        var seeds = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "seeds"));
        return Directory.Exists(seeds)
            ? seeds
            : throw new InvalidOperationException(
                $"The repository root {RepositoryRoot.Path} was found, but the seed documents are not at {seeds}; the session contract tests compare the DTOs with them.");
    }
}
