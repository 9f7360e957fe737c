using System.Globalization;

namespace TrackingMore.Emulator;

/// <summary>
/// Checkpoint texts, derived on render from the tracking's seed so that none of them is stored. Carriers that
/// report in Chinese or Russian get texts and places in that script, as the real service passes them through.
/// </summary>
internal static class Narrative
{
    private static readonly string[][] Latin =
    [
        /* Accepted */ ["Acceptance", "Posting/Collection", "Shipment picked up", "Electronic information submitted by shipper"],
        /* OriginHub */ ["Arrived at sorting center", "Processed through facility", "Departed facility"],
        /* Dispatched */ ["Departure from outward office of exchange", "Prepare dispatch to destination country", "Export processing completed"],
        /* DepartedAirport */ ["Departed from airport", "Handed over to airline", "Flight departed"],
        /* ArrivedAbroad */ ["Arrival at inward office of exchange", "Receive at country of destination", "Arrived in destination country"],
        /* Customs */ ["Customs clearance completed", "Released from customs", "Item cleared by customs"],
        /* DestinationHub */ ["Processed through sorting facility", "Arrived at Unit", "In transit to next facility"],
        /* DestinationArrived */ ["Arrived at delivery office", "Arrived at local post office", "Available for delivery"],
        /* OutForDelivery */ ["Out for delivery", "With delivery courier", "Out for Delivery, Expected Delivery Today"],
        /* Delivered */ ["Delivered", "Picked up at post office", "Delivered, signed by recipient", "Delivered, left with neighbour"],
        /* AttemptFailed */ ["Delivery attempted - no access to delivery location", "Notice left (no authorized recipient available)", "Addressee not available"],
        /* Exception: by variant, see ExceptionLatin */ [],
    ];

    private static readonly string[] ExceptionLatin =
    [
        "Shipment exception", "Incorrect address - unable to deliver", "Delivery delayed", "Item unclaimed at post office",
        "Exception - other", "Held by customs", "Item damaged", "Order cancelled by sender", "Refused by addressee",
        "Returned to sender", "Being returned to sender",
    ];

    // {0} is the place; Chinese carriers put it inside the sentence.
    private static readonly string[][] Chinese =
    [
        ["【{0}】已揽收", "{0}【{0}营业部】，已收件"],
        ["快件已到达【{0}转运中心】", "{0}【{0}分拨中心】，正在分拣"],
        ["快件已从【{0}】发出", "{0}，已发往下一站"],
        ["快件已交航空公司", "航班已起飞"],
        ["快件已到达目的国", "到达寄达国"],
        ["清关完成", "海关已放行"],
        ["快件到达【{0}分拨中心】", "{0}【{0}转运中心】，已发出"],
        ["快件已到达【{0}网点】", "{0}，已到达派件网点"],
        ["{0}【{0}营业部】，派件员正在派件", "【{0}】快件正在派送中"],
        ["已签收，签收人：本人", "快件已被驿站代收", "已签收，签收人：前台", "已签收，放在门口"],
        ["派件不成功，收件人不在", "收件人电话无人接听，待再次派送"],
        [],
    ];

    private static readonly string[] ExceptionChinese = ["快件异常", "地址错误，无法派送", "快件延误", "快件滞留", "问题件", "海关扣留", "快件破损", "订单已取消", "收件人拒收", "已退回寄件人", "退回中"];

    private static readonly string[][] Cyrillic =
    [
        ["Приём", "Принято в отделении связи"],
        ["Сортировка", "Покинуло место приёма"],
        ["Покинуло место международного обмена", "Передано для экспорта"],
        ["Передано авиаперевозчику", "Отправлено авиарейсом"],
        ["Прибыло в Россию", "Прибыло в место международного обмена"],
        ["Выпущено таможней", "Таможенное оформление завершено"],
        ["Покинуло сортировочный центр", "Прибыло в сортировочный центр"],
        ["Прибыло в место вручения", "Ожидает адресата в месте вручения"],
        ["Передано почтальону", "Доставка курьером"],
        ["Вручение адресату", "Получено адресатом", "Вручение адресату почтальоном", "Вручено соседу"],
        ["Неудачная попытка вручения", "Временное отсутствие адресата"],
        [],
    ];

    private static readonly string[] ExceptionCyrillic = ["Нештатная ситуация", "Неверный адрес", "Задержка", "Истёк срок хранения", "Иные обстоятельства", "Задержано таможней", "Повреждено", "Отменено отправителем", "Отказ адресата", "Возврат отправителю", "Возвращено отправителю"];

    private static readonly string[] Signers = ["J. SMITH", "M. GARCIA", "本人", "ANNA", "FRONT DESK", "Петров"];

    /// <summary>StatusDescription and Details of event <paramref name="index"/> as reported by a carrier of
    /// <paramref name="script"/> in <paramref name="country"/>.</summary>
    public static (string Description, string Details) Describe(
        StoredTracking t, int index, EventKind kind, int variant, Country country, Script script)
    {
        var h = StableHash.Mix(t.Seed, (ulong)index);
        var places = script == Script.Latin ? country.Cities : country.LocalCities ?? country.Cities;
        var place = places[(int)(h % (ulong)places.Length)];
        if (kind == EventKind.Exception)
        {
            var reasons = script switch
            {
                Script.Chinese => ExceptionChinese,
                Script.Cyrillic => ExceptionCyrillic,
                _ => ExceptionLatin,
            };
            return (reasons[Math.Clamp(variant, 1, reasons.Length) - 1], place);
        }

        var table = script switch { Script.Chinese => Chinese, Script.Cyrillic => Cyrillic, _ => Latin };
        var texts = table[(int)kind];
        // Delivered texts line up with the delivered00N sub-status; others vary per tracking.
        var text = kind == EventKind.Delivered
            ? texts[(Math.Clamp(variant, 1, 4) - 1) % texts.Length]
            : texts[(int)((h >> 32) % (ulong)texts.Length)];
        return (script == Script.Chinese ? string.Format(CultureInfo.InvariantCulture, text, place) : text, place);
    }

    /// <summary>The "singed_by" (sic) value: only deliveries signed for (delivered003) name someone.</summary>
    public static string? SignedBy(StoredTracking t, EventKind lastKind, int variant) =>
        lastKind == EventKind.Delivered && variant == 3 ? Signers[(int)(t.Seed % (uint)Signers.Length)] : null;
}
