namespace Telephony.Storage.Tests;

/// <summary>Start-up failures arrive wrapped (lifecycle, aggregate); tests look for the error that says what is wrong.</summary>
internal static class ExceptionChain
{
    public static IEnumerable<Exception> Flatten(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
            if (error is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
