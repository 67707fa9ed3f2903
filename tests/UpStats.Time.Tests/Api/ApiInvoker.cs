using System.Reflection;
using System.Reflection.Emit;

namespace UpStats.Time.Tests.Api;

/// <summary>
/// Calls any public method or constructor of the library from an <c>object?[]</c>, including the ones that take
/// <see cref="Span{T}"/> or <see cref="ReadOnlySpan{T}"/> (which <see cref="MethodBase.Invoke(object, object[])"/>
/// cannot box): a span argument is passed as an array and wrapped in IL, <c>out</c> arguments go to locals and are written back
/// into the argument array after the call.
/// Exceptions come out as thrown (no <see cref="TargetInvocationException"/> around them).
/// </summary>
internal static class ApiInvoker
{
    public delegate object? Call(object? target, object?[] args);

    private static readonly Dictionary<MethodBase, Call> Cache = [];

    public static Call For(MethodBase member)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(member, out var call))
            {
                call = Build(member);
                Cache[member] = call;
            }
            return call;
        }
    }

    /// <summary>The array type a span parameter is passed as (<c>ReadOnlySpan&lt;byte&gt;</c> → <c>byte[]</c>), or null.</summary>
    public static Type? SpanArrayType(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Span<>) || type.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>))
            ? type.GetGenericArguments()[0].MakeArrayType()
            : null;

    private static Call Build(MethodBase member)
    {
        var method = new DynamicMethod($"call_{member.Name}", typeof(object), [typeof(object), typeof(object?[])], typeof(ApiInvoker).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var declaring = member.DeclaringType!;
        if (member is MethodInfo { IsStatic: false })
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(declaring.IsValueType ? OpCodes.Unbox : OpCodes.Castclass, declaring);
        }
        var parameters = member.GetParameters();
        var byRefLocals = new List<(int Index, LocalBuilder Local)>();
        for (int i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (type.IsByRef)
            {
                var local = il.DeclareLocal(type.GetElementType()!);
                byRefLocals.Add((i, local));
                if (!parameters[i].IsOut)
                {
                    LoadArgument(il, i, type.GetElementType()!);
                    il.Emit(OpCodes.Stloc, local);
                }
                il.Emit(OpCodes.Ldloca, local);
            }
            else
            {
                LoadArgument(il, i, type);
            }
        }
        if (member is ConstructorInfo constructor)
        {
            il.Emit(OpCodes.Newobj, constructor);
            if (declaring.IsValueType)
            {
                il.Emit(OpCodes.Box, declaring);
            }
        }
        else
        {
            var m = (MethodInfo)member;
            il.Emit(m.IsStatic || declaring.IsValueType ? OpCodes.Call : OpCodes.Callvirt, m);
            if (m.ReturnType == typeof(void))
            {
                il.Emit(OpCodes.Ldnull);
            }
            else if (m.ReturnType.IsByRefLike || m.ReturnType.IsByRef)
            {
                il.Emit(OpCodes.Pop);
                il.Emit(OpCodes.Ldnull);
            }
            else if (m.ReturnType.IsValueType)
            {
                il.Emit(OpCodes.Box, m.ReturnType);
            }
        }
        // Write the out and ref values back into the argument array, so that a test can look at them.
        var result = il.DeclareLocal(typeof(object));
        il.Emit(OpCodes.Stloc, result);
        foreach (var (index, local) in byRefLocals)
        {
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldc_I4, index);
            il.Emit(OpCodes.Ldloc, local);
            if (local.LocalType.IsValueType)
            {
                il.Emit(OpCodes.Box, local.LocalType);
            }
            il.Emit(OpCodes.Stelem_Ref);
        }
        il.Emit(OpCodes.Ldloc, result);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Call>();
    }

    private static void LoadArgument(ILGenerator il, int index, Type type)
    {
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldc_I4, index);
        il.Emit(OpCodes.Ldelem_Ref);
        if (SpanArrayType(type) is { } array)
        {
            il.Emit(OpCodes.Castclass, array);
            il.Emit(OpCodes.Newobj, type.GetConstructor([array])!);
        }
        else
        {
            il.Emit(type.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, type);
        }
    }
}
