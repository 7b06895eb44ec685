using System.Linq.Expressions;
using System.Reflection;

namespace Telephony.Runtime.Core;

/// <summary>Finds the generated proxy of a grain interface once and keeps a constructor delegate for it.</summary>
internal static class GrainProxies<TGrain>
{
    private static readonly Func<GrainBinding, string, TGrain> Factory = Build();

    public static TGrain Create(GrainBinding binding, string key) => Factory(binding, key);

    private static Func<GrainBinding, string, TGrain> Build()
    {
        var proxyType = typeof(TGrain).Assembly.GetCustomAttributes<GrainProxyAttribute>()
            .FirstOrDefault(a => a.GrainInterface == typeof(TGrain))?.Proxy
            ?? throw new InvalidOperationException(
                $"No generated proxy for {typeof(TGrain).FullName}: its project must set <TelephonyGrainCodeGen>true</TelephonyGrainCodeGen>.");
        var constructor = proxyType.GetConstructor([typeof(GrainBinding), typeof(string)])
            ?? throw new InvalidOperationException($"Proxy {proxyType.FullName} lacks a (GrainBinding, string) constructor.");
        var binding = Expression.Parameter(typeof(GrainBinding));
        var key = Expression.Parameter(typeof(string));
        return Expression.Lambda<Func<GrainBinding, string, TGrain>>(Expression.New(constructor, binding, key), binding, key).Compile();
    }
}
