using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers;

/// <summary>
/// The checks every adapter makes on the instruction URLs commands carry, before it asks its provider: a provider
/// given a URL it cannot fetch, or a dial it cannot honour, fails only later, on the call itself.
/// </summary>
internal static class InstructionUrls
{
    /// <summary>Throws <see cref="ArgumentException"/> when the dial names both a conference and a URL, or a URL no provider can fetch.</summary>
    public static void Check(DialCommand command)
    {
        if (command.Url is not { } url)
        {
            return;
        }

        if (command.ConferenceName is { } conference)
        {
            throw new ArgumentException(
                $"Dial {command.CommandId} names both conference '{conference}' and instruction URL {url}: an answered leg either joins the conference or runs the URL's instructions, so set only one.",
                nameof(command));
        }

        RequireFetchable(url, command.CommandId, nameof(command));
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the redirect names a URL no provider can fetch.</summary>
    public static void Check(RedirectToUrlCommand command) => RequireFetchable(command.Url, command.CommandId, nameof(command));

    private static void RequireFetchable(Uri url, string commandId, string paramName)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Command {commandId} names instruction URL '{url}', which is not an absolute http or https URL.", paramName);
        }
    }
}
