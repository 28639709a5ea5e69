// Zabbix webhook media type "Vigil": sends each problem, recovery and update to Vigil's Zabbix input.
// Create a media type of type Webhook with this script and these parameters (Administration > Media types):
//   url            https://vigil.example.net/v1/ingest/zabbix
//   key            vik_...                      (the tenant's ingest key)
//   event_id       {EVENT.ID}
//   event_value    {EVENT.VALUE}
//   event_update   {EVENT.UPDATE.STATUS}
//   severity       {EVENT.SEVERITY}
//   trigger_name   {EVENT.NAME}
//   trigger_id     {TRIGGER.ID}
//   host           {HOST.HOST}
//   host_name      {HOST.NAME}
//   tags           {EVENT.TAGSJSON}
//   message        {ALERT.MESSAGE}
//   update_action  {EVENT.UPDATE.ACTION}
//   update_user    {USER.FULLNAME}
// Zabbix runs it in Duktape (ECMAScript 5.1): no let, const or arrow functions here.
var Vigil = {
    status: function (params) {
        if (params.event_update === '1') {
            return 'UPDATE';
        }
        return params.event_value === '0' ? 'RESOLVED' : 'PROBLEM';
    },

    tags: function (text) {
        if (!text || text.charAt(0) !== '[') {
            return [];
        }
        try {
            return JSON.parse(text);
        } catch (error) {
            return [];
        }
    },

    send: function (params) {
        if (!params.url || !params.key) {
            throw 'Vigil: the url and key parameters are required';
        }
        var body = {
            event_id: params.event_id,
            status: Vigil.status(params),
            severity: params.severity,
            trigger_name: params.trigger_name,
            trigger_id: params.trigger_id,
            host: params.host,
            host_name: params.host_name,
            tags: Vigil.tags(params.tags),
            message: params.message,
            update_action: params.update_action,
            update_user: params.update_user
        };
        var request = new HttpRequest();
        request.addHeader('Content-Type: application/json');
        request.addHeader('Authorization: Bearer ' + params.key);
        var answer = request.post(params.url, JSON.stringify(body));
        var status = request.getStatus();
        Zabbix.log(4, '[Vigil] event ' + params.event_id + ' answered ' + status + ': ' + answer);
        if (status < 200 || status >= 300) {
            throw 'Vigil answered ' + status + ': ' + answer;
        }
        return 'OK';
    }
};

try {
    return Vigil.send(JSON.parse(value));
} catch (error) {
    Zabbix.log(3, '[Vigil] notification failed: ' + error);
    throw 'Sending to Vigil failed: ' + error;
}
