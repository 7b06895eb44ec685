using CsCheck;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Telephony.Api.Tests.Hardening;

/// <summary>
/// Runs generated cases from a fixed seed, a bounded number of them, so the normal test run is the same every time;
/// <c>TELEPHONY_FUZZ_ITERATIONS</c> and <c>TELEPHONY_FUZZ_SEED</c> run longer or other campaigns. A failing case is
/// handed to CsCheck, which replays it from its seed and looks for a smaller failing one; the test fails with the
/// smallest request found.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>The seed of the normal test run.</summary>
    public static readonly string DefaultSeed = new PCG(19, 20_261_205).ToString();

    private const int ShrinkIterations = 400;

    /// <summary>Cases to run: <c>TELEPHONY_FUZZ_ITERATIONS</c> when set, else <paramref name="normal"/>.</summary>
    public static int Iterations(int normal) =>
        int.TryParse(Environment.GetEnvironmentVariable("TELEPHONY_FUZZ_ITERATIONS"), out var count) && count > 0 ? count : normal;

    /// <summary>The campaign's seed: <c>TELEPHONY_FUZZ_SEED</c> when set, else <see cref="DefaultSeed"/>.</summary>
    public static string Seed => Environment.GetEnvironmentVariable("TELEPHONY_FUZZ_SEED") is { Length: > 0 } seed ? seed : DefaultSeed;

    /// <summary>Checks <paramref name="iterations"/> cases of <paramref name="gen"/> drawn from <paramref name="seed"/>.</summary>
    public static async Task RunAsync<T>(Gen<T> gen, Func<T, Task> check, int iterations, string seed, ITestOutputHelper output)
        where T : notnull
    {
        var cases = PCG.Parse(seed);
        for (var i = 0; i < iterations; i++)
        {
            var caseSeed = cases.ToString();
            cases.Next64();
            var value = gen.Generate(PCG.Parse(caseSeed), null!, out _);
            try
            {
                await check(value);
            }
            catch (Exception e)
            {
                output.WriteLine($"Case {i} of campaign {seed} (case seed {caseSeed}) failed: {e.Message}\n{value}\nShrinking…");
                await Check.SampleAsync(gen, check, seed: caseSeed, iter: ShrinkIterations, threads: 1, print: v => v.ToString()!);
                throw new XunitException($"Case {i} (seed {caseSeed}) failed, but not again when CsCheck replayed it: {e.Message}\n{value}");
            }
        }

        output.WriteLine($"{iterations} cases of campaign {seed} passed.");
    }
}
